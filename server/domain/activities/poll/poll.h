#ifndef CAMPANA_DOMAIN_ACTIVITIES_POLL_POLL_H_
#define CAMPANA_DOMAIN_ACTIVITIES_POLL_POLL_H_

// Polls, scales and the evaluation survey. A poll is one or more questions
// (PollQuestionSpec, in agenda_item.h): a live poll asks one at a time (asked
// from the console, or an agenda item's), a survey (self_paced) lets each
// participant go through all of them at their own pace. One answer per
// participant and question, changeable while the poll is open.
//
// Documents:
//   kPoll (id poll): everyone. The questions, open or closed, the current
//     question, which results are revealed.
//   kPollMine (id MineId(poll, participant)): that participant only.
//   kPollTally (id TallyId(poll, question)): facilitators; everyone once the
//     question is revealed or the poll's results are live. Rendered from the
//     counts as last published, not as they are: answers mark the poll dirty,
//     and the clock publishes a dirty poll at most every kTallyInterval
//     (ev::PollTalliesPublished), so a burst of 5,000 answers costs the
//     staff a few frames a second, not 5,000. Reveal and close publish at once.
//   kPollText (id text id): an answer's text ("open", "other", "why").
//     Facilitators; staff while its question's results are shown and it is not
//     hidden. No author in an anonymous poll, for anyone.
//   kPollProgress (id poll): staff. Respondents and completions, coalesced.
//   kPollHidden (id poll, while a word is hidden): facilitators.
//
// Anonymity: an anonymous poll's answers reach no device with their author
// (their author's own kPollMine aside); the log keeps who answered, since one
// answer per person needs it, and no view or export shows it.

#include <set>

#include "domain/activity.h"

namespace campana::domain {
using PollId = uint32_t;      // 1-based
using PollTextId = uint32_t;  // 1-based

inline constexpr Millis kTallyInterval{250};

struct PollAnswerValue {
  std::vector<uint32_t> choices;
  std::optional<int32_t> number;
  std::string text;
  std::vector<std::string> words;
  std::string why;
  bool operator==(const PollAnswerValue&) const = default;
};
}  // namespace campana::domain

namespace campana::domain::cmd {

struct AskPoll {
  static constexpr const char* kName = "AskPoll";
  static constexpr Permission kAllowed = kForFacilitators;
  PollQuestionSpec question;
  bool anonymous = false;
  bool results_live = false;
};

struct AnswerPoll {
  static constexpr const char* kName = "AnswerPoll";
  static constexpr Permission kAllowed = kForParticipants;
  PollId poll = 0;
  uint32_t question = 0;
  PollAnswerValue value;
};

struct SetPollOpen {
  static constexpr const char* kName = "SetPollOpen";
  static constexpr Permission kAllowed = kForFacilitators;
  PollId poll = 0;
  bool open = false;
};

struct ShowPollQuestion {
  static constexpr const char* kName = "ShowPollQuestion";
  static constexpr Permission kAllowed = kForFacilitators;
  PollId poll = 0;
  uint32_t question = 0;
};

struct RevealPoll {
  static constexpr const char* kName = "RevealPoll";
  static constexpr Permission kAllowed = kForFacilitators;
  PollId poll = 0;
  uint32_t question = 0;
  bool revealed = false;
};

struct EditPollQuestion {
  static constexpr const char* kName = "EditPollQuestion";
  static constexpr Permission kAllowed = kForFacilitators;
  PollId poll = 0;
  uint32_t question = 0;
  PollQuestionSpec spec;
};

struct HidePollText {
  static constexpr const char* kName = "HidePollText";
  static constexpr Permission kAllowed = kForFacilitators;
  PollTextId text = 0;
  bool hidden = false;
};

struct HidePollWord {
  static constexpr const char* kName = "HidePollWord";
  static constexpr Permission kAllowed = kForFacilitators;
  PollId poll = 0;
  uint32_t question = 0;
  std::string word;
  bool hidden = false;
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

struct PollCreated {
  PollId poll = 0;
  int agenda_index = -1;  // -1: asked live
  PollSpec spec;
  Time at;
  bool operator==(const PollCreated&) const = default;
};

struct PollAnswered {
  PollId poll = 0;
  uint32_t question = 0;
  ParticipantId participant = 0;
  PollAnswerValue value;  // checked and normalised
  PollTextId text = 0;    // answers with a text; kept across changes
  Time at;
  bool operator==(const PollAnswered&) const = default;
};

struct PollOpenSet {
  PollId poll = 0;
  bool open = false;
  Time at;
  bool operator==(const PollOpenSet&) const = default;
};

struct PollQuestionShown {
  PollId poll = 0;
  uint32_t question = 0;
  bool operator==(const PollQuestionShown&) const = default;
};

struct PollRevealed {
  PollId poll = 0;
  uint32_t question = 0;
  bool revealed = false;
  Time at;
  bool operator==(const PollRevealed&) const = default;
};

struct PollQuestionEdited {
  PollId poll = 0;
  uint32_t question = 0;
  PollQuestionSpec spec;
  bool operator==(const PollQuestionEdited&) const = default;
};

struct PollTextHidden {
  PollTextId text = 0;
  bool hidden = false;
  bool operator==(const PollTextHidden&) const = default;
};

struct PollWordHidden {
  PollId poll = 0;
  uint32_t question = 0;
  std::string word;
  bool hidden = false;
  bool operator==(const PollWordHidden&) const = default;
};

struct PollTalliesPublished {
  PollId poll = 0;
  Time at;
  bool operator==(const PollTalliesPublished&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

// One question's counts (see campana.v1.PollTally for the layout of `counts`).
struct PollCounts {
  uint32_t answered = 0;
  std::vector<uint32_t> counts;
  std::map<std::string, uint32_t> words;  // kWords: every word, normalised
  bool operator==(const PollCounts&) const = default;
};

struct Poll {
  PollId id = 0;
  int agenda_index = -1;
  PollSpec spec;
  bool open = true;
  uint32_t current = 0;
  std::vector<bool> revealed;  // per question
  Time opened_at;
  std::vector<PollCounts> live;       // per question, as answers left them
  std::vector<PollCounts> published;  // per question, as devices see them
  uint32_t respondents = 0;
  uint32_t completed = 0;
  uint32_t published_respondents = 0;
  uint32_t published_completed = 0;
  bool dirty = false;  // live differs from published
  Time published_at;
  std::set<std::pair<uint32_t, std::string>> hidden_words;
  bool operator==(const Poll&) const = default;

  bool ResultsShown(uint32_t question) const {
    return spec.results_live || revealed.at(question);
  }
};

struct PollAnswer {
  PollAnswerValue value;
  Time at;
  PollTextId text = 0;
  bool text_hidden = false;
  bool operator==(const PollAnswer&) const = default;
};

struct PollResponse {
  PollId poll = 0;
  ParticipantId participant = 0;
  std::map<uint32_t, PollAnswer> answers;  // by question
  bool operator==(const PollResponse&) const = default;
};

struct PollTextRef {
  uint64_t response = 0;  // MineId
  uint32_t question = 0;
  bool operator==(const PollTextRef&) const = default;
};

struct PollState {
  std::map<PollId, Poll> polls;
  std::map<uint64_t, PollResponse> responses;  // by MineId
  std::map<PollTextId, PollTextRef> texts;
  PollId next_poll_id = 1;
  PollTextId next_text_id = 1;
  bool operator==(const PollState&) const = default;

  const Poll* Find(PollId id) const;
  // The answer a text belongs to, or nullptr.
  const PollAnswer* FindText(PollTextId id,
                             const PollResponse** response = nullptr) const;
};

// Document ids.
inline uint64_t MineId(PollId poll, ParticipantId p) {
  return (uint64_t{poll} << 32) | p;
}
inline uint64_t TallyId(PollId poll, uint32_t question) {
  return (uint64_t{poll} << 8) | question;
}

// A word-cloud tally's words, most frequent first (ties alphabetical), hidden
// ones left out, at most kMaxCloudWords.
inline constexpr size_t kMaxCloudWords = 60;
std::vector<std::pair<std::string, uint32_t>> CloudWords(
    const Poll& poll, uint32_t question, const PollCounts& counts);

// % promoters (9-10) minus % detractors (0-6) of a 0-10 question's counts,
// rounded half away from zero; 0 without answers.
int32_t RecommendScore(const std::vector<uint32_t>& counts);

// The number of points of a scale, or the tally's count slots for any type.
size_t CountSlots(const PollQuestionSpec& q);

// `spec` checked against the limits in campana.v1.PollQuestionSpec and
// normalised (texts trimmed); else a Rejection that names the field and the
// limit. CheckPoll prefixes the question's number.
Result<PollQuestionSpec> CheckQuestion(const PollQuestionSpec& spec);
Result<PollSpec> CheckPoll(const PollSpec& spec);

// What an author's text looks like to `s`'s devices: their name in a named
// poll while they are in the workshop, else empty.
std::string PollAuthorName(const WorkshopState& s, const PollResponse& r);

// The engine's view of the activity: see domain/activity.h for each hook.
struct PollActivity {
  using State = PollState;
  using CommandTypes =
      TypeList<cmd::AskPoll, cmd::AnswerPoll, cmd::SetPollOpen,
               cmd::ShowPollQuestion, cmd::RevealPoll, cmd::EditPollQuestion,
               cmd::HidePollText, cmd::HidePollWord>;
  using EventTypes =
      TypeList<ev::PollCreated, ev::PollAnswered, ev::PollOpenSet,
               ev::PollQuestionShown, ev::PollRevealed, ev::PollQuestionEdited,
               ev::PollTextHidden, ev::PollWordHidden,
               ev::PollTalliesPublished>;
  static constexpr std::array kDocs{
      DocKind::kPoll,     DocKind::kPollMine,     DocKind::kPollTally,
      DocKind::kPollText, DocKind::kPollProgress, DocKind::kPollHidden};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::AskPoll& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::AnswerPoll& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::SetPollOpen& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::ShowPollQuestion& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::RevealPoll& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::EditPollQuestion& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::HidePollText& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::HidePollWord& command);
  static void Apply(WorkshopState& s, const ev::PollCreated& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PollAnswered& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PollOpenSet& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PollQuestionShown& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::PollRevealed& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PollQuestionEdited& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::PollTextHidden& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PollWordHidden& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PollTalliesPublished& e,
                    Touched& t);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_POLL_POLL_H_
