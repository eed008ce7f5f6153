// The live question: asked from the console at any moment, answered from the
// phones, shown on the projector when the facilitator chooses.

#include "domain/activities/live_question/live_question.h"

#include <ostream>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {
namespace {

using internal::Context;
using internal::Events;
using internal::Nothing;

// Enough for two days of asking; each question stays in every view.
constexpr size_t kMaxQuestions = 500;
constexpr size_t kMaxAnswersPerQuestion = internal::kMaxAnswersPerItem;
// A question read aloud and shown big: a sentence or two.
constexpr size_t kMaxQuestionCodePoints = 300;

const LiveQuestion* Find(const WorkshopState& s, QuestionId id) {
  auto it = s.live_question.questions.find(id);
  return it == s.live_question.questions.end() ? nullptr : &it->second;
}

Result<const LiveQuestion*> Existing(const Context& c, QuestionId id) {
  const LiveQuestion* q = Find(c.state, id);
  if (q == nullptr)
    return Rejection::NotFound("no question " + std::to_string(id));
  return q;
}

}  // namespace

Result<Decision> LiveQuestionActivity::Decide(const Context& c,
                                              const cmd::AskQuestion& command) {
  const LiveQuestionState& live = c.state.live_question;
  if (live.questions.size() >= kMaxQuestions) {
    return Rejection::FailedPrecondition("this workshop has asked " +
                                         std::to_string(kMaxQuestions) +
                                         " questions already");
  }
  auto prompt =
      CheckText(command.prompt, kMaxQuestionCodePoints, "the question");
  if (!prompt.ok()) return prompt.rejection();
  std::vector<Event> events;
  // One question at a time: the phones show the newest.
  for (const auto& [id, q] : live.questions)
    if (q.open) events.emplace_back(ev::QuestionClosed{id});
  events.emplace_back(
      ev::QuestionAsked{live.next_question_id, prompt.value(), c.now});
  return Events(std::move(events));
}

Result<Decision> LiveQuestionActivity::Decide(
    const Context& c, const cmd::AnswerQuestion& command) {
  auto q = Existing(c, command.question);
  if (!q.ok()) return q.rejection();
  if (!q.value()->open)
    return Rejection::FailedPrecondition("this question is closed");
  auto text = CheckText(command.text, kMaxAnswerCodePoints, "the answer");
  if (!text.ok()) return text.rejection();
  const LiveQuestionState& live = c.state.live_question;
  size_t mine = 0;
  for (const auto& [id, a] : live.answers)
    mine +=
        a.participant == c.actor.participant && a.question == command.question;
  if (mine >= kMaxAnswersPerQuestion) {
    return Rejection::FailedPrecondition(
        "you have answered this question " +
        std::to_string(kMaxAnswersPerQuestion) + " times already");
  }
  return Events(
      {ev::QuestionAnswered{live.next_answer_id, command.question,
                            c.actor.participant, text.value(), c.now}});
}

Result<Decision> LiveQuestionActivity::Decide(
    const Context& c, const cmd::CloseQuestion& command) {
  auto q = Existing(c, command.question);
  if (!q.ok()) return q.rejection();
  if (!q.value()->open) return Nothing();
  return Events({ev::QuestionClosed{command.question}});
}

Result<Decision> LiveQuestionActivity::Decide(
    const Context& c, const cmd::ShowQuestionAnswers& command) {
  auto q = Existing(c, command.question);
  if (!q.ok()) return q.rejection();
  const bool with_names = command.show && command.with_names;
  if (q.value()->shown == command.show && q.value()->with_names == with_names)
    return Nothing();
  return Events(
      {ev::QuestionAnswersShown{command.question, command.show, with_names}});
}

void LiveQuestionActivity::Apply(WorkshopState& s, const ev::QuestionAsked& e,
                                 Touched& t) {
  LiveQuestionState& live = s.live_question;
  live.questions[e.question] =
      LiveQuestion{.id = e.question, .prompt = e.prompt, .asked_at = e.at};
  live.next_question_id = std::max(live.next_question_id, e.question + 1);
  t.Add({DocKind::kLiveQuestion, e.question});
}

void LiveQuestionActivity::Apply(WorkshopState& s,
                                 const ev::QuestionAnswered& e, Touched& t) {
  LiveQuestionState& live = s.live_question;
  live.answers[e.answer] = LiveAnswer{.id = e.answer,
                                      .question = e.question,
                                      .participant = e.participant,
                                      .text = e.text,
                                      .at = e.at};
  live.next_answer_id = std::max(live.next_answer_id, e.answer + 1);
  t.Add({DocKind::kLiveAnswer, e.answer});
  if (live.questions.at(e.question).shown)
    t.Add({DocKind::kShownLiveAnswer, e.answer});
}

void LiveQuestionActivity::Apply(WorkshopState& s, const ev::QuestionClosed& e,
                                 Touched& t) {
  s.live_question.questions.at(e.question).open = false;
  t.Add({DocKind::kLiveQuestion, e.question});
}

void LiveQuestionActivity::Apply(WorkshopState& s,
                                 const ev::QuestionAnswersShown& e,
                                 Touched& t) {
  LiveQuestion& q = s.live_question.questions.at(e.question);
  q.shown = e.show;
  q.with_names = e.with_names;
  t.Add({DocKind::kLiveQuestion, e.question});
  for (const auto& [id, a] : s.live_question.answers)
    if (a.question == e.question) t.Add({DocKind::kShownLiveAnswer, id});
}

ShownLiveAnswerView LiveQuestionActivity::ShownAnswer(const WorkshopState& s,
                                                      LiveAnswerId id) {
  const LiveAnswer& a = s.live_question.answers.at(id);
  ShownLiveAnswerView view{.id = a.id, .question = a.question, .text = a.text};
  const LiveQuestion* q = Find(s, a.question);
  const Participant* author = s.FindParticipant(a.participant);
  if (q != nullptr && q->with_names && author != nullptr)
    view.author_name = author->display_name;
  return view;
}

void LiveQuestionActivity::SetUp(const Context&, int, const AgendaItem&,
                                 std::vector<Event>&) {}

void LiveQuestionActivity::Joined(const Context&, const ev::ParticipantJoined&,
                                  std::vector<Event>&) {}

void LiveQuestionActivity::Tick(const Context&, std::vector<Event>&) {}

std::optional<Time> LiveQuestionActivity::NextDeadline(const WorkshopState&) {
  return std::nullopt;
}

// The projector's copies of their shown answers carry their name. Their
// answers stay when they leave (nothing submitted is lost), without the name.
void LiveQuestionActivity::TouchParticipant(const WorkshopState& s,
                                            ParticipantId p, Touched& t) {
  for (const auto& [id, a] : s.live_question.answers) {
    const LiveQuestion* q = Find(s, a.question);
    if (a.participant == p && q != nullptr && q->shown)
      t.Add({DocKind::kShownLiveAnswer, id});
  }
}

void LiveQuestionActivity::TouchLayout(const WorkshopState&, Touched&) {}

void LiveQuestionActivity::ForEachDoc(const WorkshopState& s,
                                      const DocVisitor& visit) {
  const LiveQuestionState& live = s.live_question;
  for (const auto& [id, q] : live.questions)
    visit({DocKind::kLiveQuestion, id});
  for (const auto& [id, a] : live.answers) {
    visit({DocKind::kLiveAnswer, id});
    if (live.questions.at(a.question).shown)
      visit({DocKind::kShownLiveAnswer, id});
  }
}

Visibility LiveQuestionActivity::VisibilityOf(const WorkshopState& s,
                                              const DocKey& key) {
  const LiveQuestionState& live = s.live_question;
  switch (key.kind) {
    case DocKind::kLiveQuestion:
      if (!live.questions.contains(static_cast<QuestionId>(key.id))) return {};
      return {Audience::Everyone()};
    case DocKind::kLiveAnswer: {
      auto it = live.answers.find(static_cast<LiveAnswerId>(key.id));
      if (it == live.answers.end()) return {};
      Visibility v{Audience::Facilitators(),
                   Audience::Participant(it->second.participant)};
      std::sort(v.begin(), v.end());
      return v;
    }
    case DocKind::kShownLiveAnswer: {
      auto it = live.answers.find(static_cast<LiveAnswerId>(key.id));
      if (it == live.answers.end()) return {};
      const LiveQuestion* q = Find(s, it->second.question);
      if (q == nullptr || !q->shown) return {};
      return {Audience::Staff()};
    }
    default:
      return {};
  }
}

void LiveQuestionActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  const LiveQuestionState& live = s.live_question;
  if (live.questions.empty()) return;
  for (const auto& [id, q] : live.questions) {
    out << "live question " << id << " \"" << q.prompt << "\" at "
        << Ms(q.asked_at) << (q.open ? " open" : " closed")
        << (q.shown ? " shown" : "") << (q.with_names ? " named" : "") << "\n";
  }
  for (const auto& [id, a] : live.answers) {
    out << "live answer " << id << " to " << a.question << " by "
        << a.participant << " \"" << a.text << "\" at " << Ms(a.at) << "\n";
  }
  out << "next live question " << live.next_question_id << " answer "
      << live.next_answer_id << "\n";
}

}  // namespace campana::domain
