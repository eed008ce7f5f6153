// The live question's part of the codec (domain/activities/live_question/).

#include <campana/v1/live_question.pb.h>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/live_question/live_question.h"

namespace campana::codec {

using domain::Overloaded;
using internal::At;
using internal::Ms;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

namespace {

void ToProto(const domain::LiveQuestion& q, pb::LiveQuestion* out) {
  out->set_id(q.id);
  out->set_prompt(q.prompt);
  out->set_open(q.open);
  out->set_asked_at_ms(Ms(q.asked_at));
  out->set_shown(q.shown);
  out->set_with_names(q.with_names);
}

void ToProto(const domain::LiveAnswer& a, pb::LiveAnswer* out) {
  out->set_id(a.id);
  out->set_question_id(a.question);
  out->set_participant_id(a.participant);
  out->set_text(a.text);
  out->set_at_ms(Ms(a.at));
}

}  // namespace

bool LiveQuestionCodec::EncodeEvent(const domain::Event& event,
                                    pb::Event* out) {
  bool encoded = true;
  std::visit(Overloaded{
                 [&](const ev::QuestionAsked& e) {
                   auto* m = out->mutable_question_asked();
                   m->set_question_id(e.question);
                   m->set_prompt(e.prompt);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::QuestionAnswered& e) {
                   auto* m = out->mutable_question_answered();
                   m->set_answer_id(e.answer);
                   m->set_question_id(e.question);
                   m->set_participant_id(e.participant);
                   m->set_text(e.text);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::QuestionClosed& e) {
                   out->mutable_question_closed()->set_question_id(e.question);
                 },
                 [&](const ev::QuestionAnswersShown& e) {
                   auto* m = out->mutable_question_answers_shown();
                   m->set_question_id(e.question);
                   m->set_show(e.show);
                   m->set_with_names(e.with_names);
                 },
                 [&](const auto&) { encoded = false; },
             },
             event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> LiveQuestionCodec::DecodeEvent(
    const pb::Event& event) {
  switch (event.body_case()) {
    case pb::Event::kQuestionAsked: {
      const auto& m = event.question_asked();
      return domain::Event(
          ev::QuestionAsked{m.question_id(), m.prompt(), At(m.at_ms())});
    }
    case pb::Event::kQuestionAnswered: {
      const auto& m = event.question_answered();
      return domain::Event(ev::QuestionAnswered{m.answer_id(), m.question_id(),
                                                m.participant_id(), m.text(),
                                                At(m.at_ms())});
    }
    case pb::Event::kQuestionClosed:
      return domain::Event(
          ev::QuestionClosed{event.question_closed().question_id()});
    case pb::Event::kQuestionAnswersShown: {
      const auto& m = event.question_answers_shown();
      return domain::Event(
          ev::QuestionAnswersShown{m.question_id(), m.show(), m.with_names()});
    }
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> LiveQuestionCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kAskQuestion:
      return Command(cmd::AskQuestion{command.ask_question().prompt()});
    case pb::Command::kAnswerQuestion:
      return Command(
          cmd::AnswerQuestion{command.answer_question().question_id(),
                              command.answer_question().text()});
    case pb::Command::kCloseQuestion:
      return Command(
          cmd::CloseQuestion{command.close_question().question_id()});
    case pb::Command::kShowQuestionAnswers: {
      const auto& m = command.show_question_answers();
      return Command(
          cmd::ShowQuestionAnswers{m.question_id(), m.show(), m.with_names()});
    }
    default:
      return std::nullopt;
  }
}

bool LiveQuestionCodec::EncodeDoc(const domain::WorkshopState& s,
                                  const domain::DocKey& key, pb::Doc* doc) {
  const domain::LiveQuestionState& live = s.live_question;
  switch (key.kind) {
    case domain::DocKind::kLiveQuestion:
      ToProto(live.questions.at(static_cast<domain::QuestionId>(key.id)),
              doc->mutable_live_question());
      return true;
    case domain::DocKind::kLiveAnswer:
      ToProto(live.answers.at(static_cast<domain::LiveAnswerId>(key.id)),
              doc->mutable_live_answer());
      return true;
    case domain::DocKind::kShownLiveAnswer: {
      const domain::ShownLiveAnswerView view =
          domain::LiveQuestionActivity::ShownAnswer(
              s, static_cast<domain::LiveAnswerId>(key.id));
      pb::ShownLiveAnswer* m = doc->mutable_shown_live_answer();
      m->set_id(view.id);
      m->set_question_id(view.question);
      m->set_text(view.text);
      m->set_author_name(view.author_name);
      return true;
    }
    default:
      return false;
  }
}

void LiveQuestionCodec::SaveState(const domain::WorkshopState& s,
                                  pb::WorkshopState* out) {
  const domain::LiveQuestionState& live = s.live_question;
  if (live.questions.empty()) return;
  pb::LiveQuestionState* m = out->mutable_live_question();
  for (const auto& [id, q] : live.questions) ToProto(q, m->add_questions());
  for (const auto& [id, a] : live.answers) ToProto(a, m->add_answers());
  m->set_next_question_id(live.next_question_id);
  m->set_next_answer_id(live.next_answer_id);
}

void LiveQuestionCodec::LoadState(const pb::WorkshopState& m,
                                  domain::WorkshopState* out) {
  if (!m.has_live_question()) return;
  const pb::LiveQuestionState& in = m.live_question();
  domain::LiveQuestionState& live = out->live_question;
  for (const pb::LiveQuestion& q : in.questions()) {
    live.questions[q.id()] = {q.id(),   q.prompt(), At(q.asked_at_ms()),
                              q.open(), q.shown(),  q.with_names()};
  }
  for (const pb::LiveAnswer& a : in.answers()) {
    live.answers[a.id()] = {a.id(), a.question_id(), a.participant_id(),
                            a.text(), At(a.at_ms())};
  }
  live.next_question_id = in.next_question_id();
  live.next_answer_id = in.next_answer_id();
}

}  // namespace campana::codec
