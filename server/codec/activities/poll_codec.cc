// The poll activity's part of the codec (domain/activities/poll/).

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/poll/poll.h"

namespace campana::codec {

using domain::Overloaded;
using internal::At;
using internal::Ms;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

namespace internal {

void ToProto(const domain::PollQuestionSpec& q, pb::PollQuestionSpec* out) {
  out->set_type(static_cast<pb::PollQuestionType>(q.type));
  out->set_prompt(q.prompt);
  for (const auto& o : q.options) out->add_options(o);
  out->set_max_choices(q.max_choices);
  out->set_allow_other(q.allow_other);
  out->set_why_prompt(q.why_prompt);
  if (q.type == domain::PollQuestionType::kScale) {
    out->set_scale_min(q.scale_min);
    out->set_scale_max(q.scale_max);
    out->set_scale_step(q.scale_step);
  }
  out->set_min_label(q.min_label);
  out->set_max_label(q.max_label);
  for (const auto& s : q.statements) out->add_statements(s);
  if (q.type == domain::PollQuestionType::kWords)
    out->set_max_words(q.max_words);
}

domain::Result<domain::PollQuestionSpec> FromProto(
    const pb::PollQuestionSpec& m) {
  if (m.type() < pb::POLL_QUESTION_TYPE_SINGLE ||
      m.type() > pb::POLL_QUESTION_TYPE_WORDS)
    return domain::Rejection::InvalidArgument("no such question type");
  domain::PollQuestionSpec q{
      .type = static_cast<domain::PollQuestionType>(m.type()),
      .prompt = m.prompt(),
      .options = {m.options().begin(), m.options().end()},
      .max_choices = m.max_choices(),
      .allow_other = m.allow_other(),
      .why_prompt = m.why_prompt(),
      .min_label = m.min_label(),
      .max_label = m.max_label(),
      .statements = {m.statements().begin(), m.statements().end()}};
  // Unset numbers take the defaults: a scale of 1 to 5 by 1, three words.
  if (m.scale_min() != 0 || m.scale_max() != 0) {
    q.scale_min = m.scale_min();
    q.scale_max = m.scale_max();
  }
  q.scale_step = m.scale_step() == 0 ? 1 : m.scale_step();
  q.max_words = m.max_words() == 0 ? 3 : m.max_words();
  return q;
}

void ToProto(const domain::PollSpec& spec, pb::PollSpec* out) {
  for (const auto& q : spec.questions) ToProto(q, out->add_questions());
  out->set_self_paced(spec.self_paced);
  out->set_anonymous(spec.anonymous);
  out->set_results_live(spec.results_live);
}

domain::Result<domain::PollSpec> FromProto(const pb::PollSpec& m) {
  domain::PollSpec spec{.self_paced = m.self_paced(),
                        .anonymous = m.anonymous(),
                        .results_live = m.results_live()};
  for (int i = 0; i < m.questions_size(); ++i) {
    auto q = FromProto(m.questions(i));
    if (!q.ok()) {
      return domain::Rejection::InvalidArgument(
          "question " + std::to_string(i + 1) + ": " + q.rejection().message);
    }
    spec.questions.push_back(std::move(q).value());
  }
  return spec;
}

void ToProto(const domain::PollAnswerValue& v, pb::PollAnswerValue* out) {
  out->mutable_choices()->Add(v.choices.begin(), v.choices.end());
  if (v.number) out->set_number(*v.number);
  out->set_text(v.text);
  for (const auto& w : v.words) out->add_words(w);
  out->set_why(v.why);
}

domain::PollAnswerValue FromProto(const pb::PollAnswerValue& m) {
  domain::PollAnswerValue v{.choices = {m.choices().begin(), m.choices().end()},
                            .text = m.text(),
                            .words = {m.words().begin(), m.words().end()},
                            .why = m.why()};
  if (m.has_number()) v.number = m.number();
  return v;
}

void ToProto(const domain::Poll& poll, uint32_t question,
             const domain::PollCounts& counts, pb::PollTally* out) {
  out->set_poll_id(poll.id);
  out->set_question(question);
  out->set_answered(counts.answered);
  out->mutable_counts()->Add(counts.counts.begin(), counts.counts.end());
  const domain::PollQuestionSpec& q = poll.spec.questions.at(question);
  if (q.type == domain::PollQuestionType::kRecommend)
    out->set_recommend_score(domain::RecommendScore(counts.counts));
  for (const auto& [word, n] : domain::CloudWords(poll, question, counts)) {
    pb::PollTally::Word* w = out->add_words();
    w->set_word(word);
    w->set_count(n);
  }
  // No publication time: a publication touches only the tallies it changed,
  // so a time here would go stale in the others (at_ms stays 0).
}

void ToProto(const domain::WorkshopState& s, domain::PollTextId id,
             pb::PollText* out) {
  const domain::PollResponse* r = nullptr;
  const domain::PollAnswer& a = *s.poll.FindText(id, &r);
  out->set_id(id);
  out->set_poll_id(r->poll);
  out->set_question(s.poll.texts.at(id).question);
  out->set_text(a.value.text);
  out->set_why(a.value.why);
  out->mutable_choices()->Add(a.value.choices.begin(), a.value.choices.end());
  out->set_author_name(domain::PollAuthorName(s, *r));
  out->set_hidden(a.text_hidden);
  out->set_at_ms(Ms(a.at));
}

}  // namespace internal

namespace {

using internal::FromProto;
using internal::ToProto;

void ToProto(const domain::Poll& poll, pb::Poll* out) {
  out->set_id(poll.id);
  out->set_agenda_index(poll.agenda_index);
  ToProto(poll.spec, out->mutable_spec());
  out->set_open(poll.open);
  out->set_current(poll.current);
  for (bool r : poll.revealed) out->add_revealed(r);
  out->set_opened_at_ms(Ms(poll.opened_at));
}

void ToProto(const domain::PollCounts& c, pb::PollState::Counts* out) {
  out->set_answered(c.answered);
  out->mutable_counts()->Add(c.counts.begin(), c.counts.end());
  for (const auto& [word, n] : c.words) {
    pb::PollTally::Word* w = out->add_words();
    w->set_word(word);
    w->set_count(n);
  }
}

domain::PollCounts FromProto(const pb::PollState::Counts& m) {
  domain::PollCounts c{.answered = m.answered(),
                       .counts = {m.counts().begin(), m.counts().end()}};
  for (const auto& w : m.words()) c.words[w.word()] = w.count();
  return c;
}

// Commands carry a spec from a device: its type is checked here (before the
// cast to the domain's one-byte enum), its contents by the domain.
template <class T>
domain::Result<domain::Command> WithSpec(const pb::PollQuestionSpec& m,
                                         T command) {
  auto spec = FromProto(m);
  if (!spec.ok()) return spec.rejection();
  if constexpr (std::is_same_v<T, cmd::AskPoll>)
    command.question = std::move(spec).value();
  else
    command.spec = std::move(spec).value();
  return domain::Command(std::move(command));
}

}  // namespace

bool PollCodec::EncodeEvent(const domain::Event& event, pb::Event* out) {
  bool encoded = true;
  std::visit(Overloaded{
                 [&](const ev::PollCreated& e) {
                   auto* m = out->mutable_poll_created();
                   m->set_poll_id(e.poll);
                   m->set_agenda_index(e.agenda_index);
                   ToProto(e.spec, m->mutable_spec());
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PollAnswered& e) {
                   auto* m = out->mutable_poll_answered();
                   m->set_poll_id(e.poll);
                   m->set_question(e.question);
                   m->set_participant(e.participant);
                   ToProto(e.value, m->mutable_value());
                   m->set_text_id(e.text);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PollOpenSet& e) {
                   auto* m = out->mutable_poll_open_set();
                   m->set_poll_id(e.poll);
                   m->set_open(e.open);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PollQuestionShown& e) {
                   auto* m = out->mutable_poll_question_shown();
                   m->set_poll_id(e.poll);
                   m->set_question(e.question);
                 },
                 [&](const ev::PollRevealed& e) {
                   auto* m = out->mutable_poll_revealed();
                   m->set_poll_id(e.poll);
                   m->set_question(e.question);
                   m->set_revealed(e.revealed);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PollQuestionEdited& e) {
                   auto* m = out->mutable_poll_question_edited();
                   m->set_poll_id(e.poll);
                   m->set_question(e.question);
                   ToProto(e.spec, m->mutable_spec());
                 },
                 [&](const ev::PollTextHidden& e) {
                   auto* m = out->mutable_poll_text_hidden();
                   m->set_text_id(e.text);
                   m->set_hidden(e.hidden);
                 },
                 [&](const ev::PollWordHidden& e) {
                   auto* m = out->mutable_poll_word_hidden();
                   m->set_poll_id(e.poll);
                   m->set_question(e.question);
                   m->set_word(e.word);
                   m->set_hidden(e.hidden);
                 },
                 [&](const ev::PollTalliesPublished& e) {
                   auto* m = out->mutable_poll_tallies_published();
                   m->set_poll_id(e.poll);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const auto&) { encoded = false; },
             },
             event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> PollCodec::DecodeEvent(
    const pb::Event& event) {
  using domain::Event;
  switch (event.body_case()) {
    case pb::Event::kPollCreated: {
      const auto& m = event.poll_created();
      auto spec = FromProto(m.spec());
      if (!spec.ok()) return spec.rejection();
      return Event(ev::PollCreated{m.poll_id(), m.agenda_index(),
                                   std::move(spec).value(), At(m.at_ms())});
    }
    case pb::Event::kPollAnswered: {
      const auto& m = event.poll_answered();
      return Event(ev::PollAnswered{m.poll_id(), m.question(), m.participant(),
                                    FromProto(m.value()), m.text_id(),
                                    At(m.at_ms())});
    }
    case pb::Event::kPollOpenSet: {
      const auto& m = event.poll_open_set();
      return Event(ev::PollOpenSet{m.poll_id(), m.open(), At(m.at_ms())});
    }
    case pb::Event::kPollQuestionShown: {
      const auto& m = event.poll_question_shown();
      return Event(ev::PollQuestionShown{m.poll_id(), m.question()});
    }
    case pb::Event::kPollRevealed: {
      const auto& m = event.poll_revealed();
      return Event(ev::PollRevealed{m.poll_id(), m.question(), m.revealed(),
                                    At(m.at_ms())});
    }
    case pb::Event::kPollQuestionEdited: {
      const auto& m = event.poll_question_edited();
      auto spec = FromProto(m.spec());
      if (!spec.ok()) return spec.rejection();
      return Event(ev::PollQuestionEdited{m.poll_id(), m.question(),
                                          std::move(spec).value()});
    }
    case pb::Event::kPollTextHidden:
      return Event(ev::PollTextHidden{event.poll_text_hidden().text_id(),
                                      event.poll_text_hidden().hidden()});
    case pb::Event::kPollWordHidden: {
      const auto& m = event.poll_word_hidden();
      return Event(
          ev::PollWordHidden{m.poll_id(), m.question(), m.word(), m.hidden()});
    }
    case pb::Event::kPollTalliesPublished: {
      const auto& m = event.poll_tallies_published();
      return Event(ev::PollTalliesPublished{m.poll_id(), At(m.at_ms())});
    }
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> PollCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kAskPoll: {
      const auto& m = command.ask_poll();
      return WithSpec(m.question(),
                      cmd::AskPoll{.anonymous = m.anonymous(),
                                   .results_live = m.results_live()});
    }
    case pb::Command::kAnswerPoll: {
      const auto& m = command.answer_poll();
      return Command(
          cmd::AnswerPoll{m.poll_id(), m.question(), FromProto(m.value())});
    }
    case pb::Command::kSetPollOpen:
      return Command(cmd::SetPollOpen{command.set_poll_open().poll_id(),
                                      command.set_poll_open().open()});
    case pb::Command::kShowPollQuestion:
      return Command(
          cmd::ShowPollQuestion{command.show_poll_question().poll_id(),
                                command.show_poll_question().question()});
    case pb::Command::kRevealPoll: {
      const auto& m = command.reveal_poll();
      return Command(cmd::RevealPoll{m.poll_id(), m.question(), m.revealed()});
    }
    case pb::Command::kEditPollQuestion: {
      const auto& m = command.edit_poll_question();
      return WithSpec(
          m.spec(),
          cmd::EditPollQuestion{.poll = m.poll_id(), .question = m.question()});
    }
    case pb::Command::kHidePollText:
      return Command(cmd::HidePollText{command.hide_poll_text().text_id(),
                                       command.hide_poll_text().hidden()});
    case pb::Command::kHidePollWord: {
      const auto& m = command.hide_poll_word();
      return Command(
          cmd::HidePollWord{m.poll_id(), m.question(), m.word(), m.hidden()});
    }
    default:
      return std::nullopt;
  }
}

bool PollCodec::EncodeDoc(const domain::WorkshopState& s,
                          const domain::DocKey& key, pb::Doc* out) {
  const domain::PollState& ps = s.poll;
  switch (key.kind) {
    case domain::DocKind::kPoll:
      ToProto(ps.polls.at(static_cast<domain::PollId>(key.id)),
              out->mutable_poll());
      return true;
    case domain::DocKind::kPollMine: {
      const domain::PollResponse& r = ps.responses.at(key.id);
      pb::PollMine* mine = out->mutable_poll_mine();
      mine->set_poll_id(r.poll);
      for (const auto& [q, a] : r.answers) {
        pb::PollMine::Answer* m = mine->add_answers();
        m->set_question(q);
        ToProto(a.value, m->mutable_value());
        m->set_at_ms(Ms(a.at));
      }
      return true;
    }
    case domain::DocKind::kPollTally: {
      const domain::Poll& poll =
          ps.polls.at(static_cast<domain::PollId>(key.id >> 8));
      const auto q = static_cast<uint32_t>(key.id & 0xFF);
      ToProto(poll, q, poll.published.at(q), out->mutable_poll_tally());
      return true;
    }
    case domain::DocKind::kPollText:
      ToProto(s, static_cast<domain::PollTextId>(key.id),
              out->mutable_poll_text());
      return true;
    case domain::DocKind::kPollProgress: {
      const domain::Poll& poll =
          ps.polls.at(static_cast<domain::PollId>(key.id));
      pb::PollProgress* m = out->mutable_poll_progress();
      m->set_poll_id(poll.id);
      m->set_respondents(poll.published_respondents);
      m->set_completed(poll.published_completed);
      return true;
    }
    case domain::DocKind::kPollHidden: {
      const domain::Poll& poll =
          ps.polls.at(static_cast<domain::PollId>(key.id));
      pb::PollHidden* m = out->mutable_poll_hidden();
      m->set_poll_id(poll.id);
      for (const auto& [q, word] : poll.hidden_words) {
        pb::PollHidden::Word* w = m->add_words();
        w->set_question(q);
        w->set_word(word);
      }
      return true;
    }
    default:
      return false;
  }
}

void PollCodec::SaveState(const domain::WorkshopState& s,
                          pb::WorkshopState* out) {
  const domain::PollState& ps = s.poll;
  if (ps.polls.empty()) return;
  pb::PollState* m = out->mutable_poll();
  for (const auto& [id, poll] : ps.polls) {
    pb::PollState::Internal* p = m->add_polls();
    ToProto(poll, p->mutable_poll());
    for (const auto& c : poll.live) ToProto(c, p->add_live());
    for (const auto& c : poll.published) ToProto(c, p->add_published());
    p->set_respondents(poll.respondents);
    p->set_completed(poll.completed);
    p->set_published_respondents(poll.published_respondents);
    p->set_published_completed(poll.published_completed);
    p->set_dirty(poll.dirty);
    p->set_published_at_ms(Ms(poll.published_at));
    for (const auto& [q, word] : poll.hidden_words) {
      pb::PollHidden::Word* w = p->add_hidden_words();
      w->set_question(q);
      w->set_word(word);
    }
  }
  for (const auto& [mine, r] : ps.responses) {
    pb::PollState::Response* stored = m->add_responses();
    stored->set_poll_id(r.poll);
    stored->set_participant(r.participant);
    for (const auto& [q, a] : r.answers) {
      pb::PollState::StoredAnswer* sa = stored->add_answers();
      sa->set_question(q);
      ToProto(a.value, sa->mutable_value());
      sa->set_at_ms(Ms(a.at));
      sa->set_text_id(a.text);
      sa->set_text_hidden(a.text_hidden);
    }
  }
  m->set_next_poll_id(ps.next_poll_id);
  m->set_next_text_id(ps.next_text_id);
}

void PollCodec::LoadState(const pb::WorkshopState& m,
                          domain::WorkshopState* out) {
  if (!m.has_poll()) return;
  const pb::PollState& stored = m.poll();
  domain::PollState& ps = out->poll;
  for (const pb::PollState::Internal& p : stored.polls()) {
    auto spec = FromProto(p.poll().spec());
    if (!spec.ok()) continue;  // a snapshot this build wrote always decodes
    domain::Poll poll{
        .id = p.poll().id(),
        .agenda_index = p.poll().agenda_index(),
        .spec = std::move(spec).value(),
        .open = p.poll().open(),
        .current = p.poll().current(),
        .revealed = {p.poll().revealed().begin(), p.poll().revealed().end()},
        .opened_at = At(p.poll().opened_at_ms()),
        .respondents = p.respondents(),
        .completed = p.completed(),
        .published_respondents = p.published_respondents(),
        .published_completed = p.published_completed(),
        .dirty = p.dirty(),
        .published_at = At(p.published_at_ms())};
    for (const auto& c : p.live()) poll.live.push_back(FromProto(c));
    for (const auto& c : p.published()) poll.published.push_back(FromProto(c));
    for (const auto& w : p.hidden_words())
      poll.hidden_words.insert({w.question(), w.word()});
    ps.polls[poll.id] = std::move(poll);
  }
  for (const pb::PollState::Response& r : stored.responses()) {
    const uint64_t mine = domain::MineId(r.poll_id(), r.participant());
    domain::PollResponse& response = ps.responses[mine];
    response.poll = r.poll_id();
    response.participant = r.participant();
    for (const pb::PollState::StoredAnswer& a : r.answers()) {
      response.answers[a.question()] =
          domain::PollAnswer{.value = FromProto(a.value()),
                             .at = At(a.at_ms()),
                             .text = a.text_id(),
                             .text_hidden = a.text_hidden()};
      if (a.text_id() != 0)
        ps.texts[a.text_id()] = {.response = mine, .question = a.question()};
    }
  }
  ps.next_poll_id = std::max<domain::PollId>(1, stored.next_poll_id());
  ps.next_text_id = std::max<domain::PollTextId>(1, stored.next_text_id());
}

}  // namespace campana::codec
