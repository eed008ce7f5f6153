#ifndef CAMPANA_DOMAIN_ACTIVITIES_LIVE_QUESTION_LIVE_QUESTION_H_
#define CAMPANA_DOMAIN_ACTIVITIES_LIVE_QUESTION_LIVE_QUESTION_H_

// A question the console asks at any moment, outside the run of show. One is
// open at a time (asking the next closes the last); each participant may
// answer it, privately (they and the facilitators see an answer); the console
// may put the answers on the projector, with or without names. Documents:
// kLiveQuestion (everyone), kLiveAnswer (its author and the facilitators),
// kShownLiveAnswer (staff, while its question's answers are shown; the name
// only when chosen).

#include "domain/activity.h"

namespace campana::domain {
using QuestionId = uint32_t;    // 1-based
using LiveAnswerId = uint32_t;  // 1-based
}  // namespace campana::domain

namespace campana::domain::cmd {

struct AskQuestion {
  static constexpr const char* kName = "AskQuestion";
  static constexpr Permission kAllowed = kForFacilitators;
  std::string prompt;
};

struct AnswerQuestion {
  static constexpr const char* kName = "AnswerQuestion";
  static constexpr Permission kAllowed = kForParticipants;
  QuestionId question = 0;
  std::string text;
};

struct CloseQuestion {
  static constexpr const char* kName = "CloseQuestion";
  static constexpr Permission kAllowed = kForFacilitators;
  QuestionId question = 0;
};

struct ShowQuestionAnswers {
  static constexpr const char* kName = "ShowQuestionAnswers";
  static constexpr Permission kAllowed = kForFacilitators;
  QuestionId question = 0;
  bool show = false;
  bool with_names = false;
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

struct QuestionAsked {
  QuestionId question = 0;
  std::string prompt;
  Time at;
  bool operator==(const QuestionAsked&) const = default;
};

struct QuestionAnswered {
  LiveAnswerId answer = 0;
  QuestionId question = 0;
  ParticipantId participant = 0;
  std::string text;
  Time at;
  bool operator==(const QuestionAnswered&) const = default;
};

struct QuestionClosed {
  QuestionId question = 0;
  bool operator==(const QuestionClosed&) const = default;
};

struct QuestionAnswersShown {
  QuestionId question = 0;
  bool show = false;
  bool with_names = false;
  bool operator==(const QuestionAnswersShown&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

struct LiveQuestion {
  QuestionId id = 0;
  std::string prompt;
  Time asked_at;
  bool open = true;
  bool shown = false;
  bool with_names = false;
  bool operator==(const LiveQuestion&) const = default;
};

struct LiveAnswer {
  LiveAnswerId id = 0;
  QuestionId question = 0;
  ParticipantId participant = 0;
  std::string text;
  Time at;
  bool operator==(const LiveAnswer&) const = default;
};

struct LiveQuestionState {
  std::map<QuestionId, LiveQuestion> questions;
  std::map<LiveAnswerId, LiveAnswer> answers;
  QuestionId next_question_id = 1;
  LiveAnswerId next_answer_id = 1;
  bool operator==(const LiveQuestionState&) const = default;
};

// What the projector shows of one answer: the name only when the facilitator
// chose names, and only while the author is still in the workshop.
struct ShownLiveAnswerView {
  LiveAnswerId id = 0;
  QuestionId question = 0;
  std::string text;
  std::string author_name;
};

// The engine's view of the activity: see domain/activity.h for each hook.
struct LiveQuestionActivity {
  using State = LiveQuestionState;
  using CommandTypes = TypeList<cmd::AskQuestion, cmd::AnswerQuestion,
                                cmd::CloseQuestion, cmd::ShowQuestionAnswers>;
  using EventTypes = TypeList<ev::QuestionAsked, ev::QuestionAnswered,
                              ev::QuestionClosed, ev::QuestionAnswersShown>;
  static constexpr std::array kDocs{
      DocKind::kLiveQuestion, DocKind::kLiveAnswer, DocKind::kShownLiveAnswer};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::AskQuestion& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::AnswerQuestion& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::CloseQuestion& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::ShowQuestionAnswers& command);
  static void Apply(WorkshopState& s, const ev::QuestionAsked& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::QuestionAnswered& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::QuestionClosed& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::QuestionAnswersShown& e,
                    Touched& t);

  // The projector's copy of answer `id` (a kShownLiveAnswer that exists).
  static ShownLiveAnswerView ShownAnswer(const WorkshopState& s,
                                         LiveAnswerId id);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_LIVE_QUESTION_LIVE_QUESTION_H_
