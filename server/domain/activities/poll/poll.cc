// Polls, scales and the survey: what a question may be, what an answer to it
// may be, the counts, their coalesced publication, and who sees what.

#include "domain/activities/poll/poll.h"

#include <algorithm>
#include <ostream>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {

const Poll* PollState::Find(PollId id) const {
  auto it = polls.find(id);
  return it == polls.end() ? nullptr : &it->second;
}

const PollAnswer* PollState::FindText(PollTextId id,
                                      const PollResponse** response) const {
  auto it = texts.find(id);
  if (it == texts.end()) return nullptr;
  const PollResponse& r = responses.at(it->second.response);
  if (response != nullptr) *response = &r;
  auto a = r.answers.find(it->second.question);
  return a == r.answers.end() ? nullptr : &a->second;
}

namespace {

using internal::Context;
using internal::Events;
using internal::Nothing;

// Two days of asking, with room to spare; each poll stays in every view.
constexpr size_t kMaxPolls = 200;
constexpr size_t kMaxQuestions = 40;
constexpr size_t kMaxPromptCodePoints = 300;
constexpr size_t kMaxOptionCodePoints = 120;
constexpr size_t kMinOptions = 2;
constexpr size_t kMaxOptions = 12;
constexpr size_t kMinLevels = 2;
constexpr size_t kMaxLevels = 7;
constexpr size_t kMaxStatements = 12;
constexpr size_t kMaxScalePoints = 21;
constexpr int32_t kMaxScaleMagnitude = 1000;
constexpr uint32_t kMaxWordsPerAnswer = 5;
constexpr size_t kMaxWordCodePoints = 30;
constexpr size_t kMaxWhyCodePoints = 500;
constexpr size_t kMaxHiddenWords = 200;  // per poll

bool HasText(const PollAnswerValue& v) {
  return !v.text.empty() || !v.why.empty();
}

Rejection Invalid(std::string m) {
  return Rejection::InvalidArgument(std::move(m));
}

// Lower case for ASCII and the Latin-1 capitals (Á, É, Ñ...), so that a cloud
// counts "Innovación" and "innovación" once and still shows the accent.
std::string LowerLatin(std::string_view in) {
  std::string out(in);
  for (size_t i = 0; i < out.size(); ++i) {
    auto b = static_cast<unsigned char>(out[i]);
    if (b >= 'A' && b <= 'Z') {
      out[i] = static_cast<char>(b + 32);
    } else if (b == 0xC3 && i + 1 < out.size()) {
      auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

Result<std::string> CheckWord(std::string_view raw) {
  auto word = CheckText(raw, kMaxWordCodePoints, "a word");
  if (!word.ok()) return word.rejection();
  std::string collapsed;
  bool space = false;
  for (char ch : word.value()) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = true;
      continue;
    }
    if (space && !collapsed.empty()) collapsed += ' ';
    space = false;
    collapsed += ch;
  }
  return LowerLatin(collapsed);
}

// Optional text: empty stays empty; otherwise checked.
Result<std::string> CheckOptional(const std::string& raw, size_t max,
                                  std::string_view what) {
  if (raw.empty()) return std::string();
  return CheckText(raw, max, what);
}

bool TakesWhy(PollQuestionType t) {
  return t == PollQuestionType::kSingle || t == PollQuestionType::kMultiple ||
         t == PollQuestionType::kScale || t == PollQuestionType::kRecommend;
}

bool IsChoice(PollQuestionType t) {
  return t == PollQuestionType::kSingle || t == PollQuestionType::kMultiple;
}

Result<std::vector<std::string>> CheckList(
    const std::vector<std::string>& raw, size_t min, size_t max,
    const std::string& what, size_t max_code_points = kMaxOptionCodePoints) {
  if (raw.size() < min || raw.size() > max) {
    return Invalid(what + ": " + std::to_string(min) + " to " +
                   std::to_string(max) + " are needed, not " +
                   std::to_string(raw.size()));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < raw.size(); ++i) {
    auto item =
        CheckText(raw[i], max_code_points, what + " " + std::to_string(i + 1));
    if (!item.ok()) return item.rejection();
    out.push_back(item.value());
  }
  return out;
}

// Counts `v` into (sign 1) or out of (sign -1) a question's counts.
void Count(const PollQuestionSpec& q, const PollAnswerValue& v, int sign,
           PollCounts& counts) {
  auto bump = [&](uint32_t& n) { n = sign > 0 ? n + 1 : n - 1; };
  bump(counts.answered);
  switch (q.type) {
    case PollQuestionType::kSingle:
    case PollQuestionType::kMultiple:
      for (uint32_t c : v.choices) bump(counts.counts.at(c));
      break;
    case PollQuestionType::kLikert: {
      const size_t levels = q.options.size();
      for (size_t row = 0; row < v.choices.size(); ++row)
        bump(counts.counts.at(row * levels + v.choices[row]));
      break;
    }
    case PollQuestionType::kScale:
      bump(counts.counts.at(static_cast<size_t>(
          (*v.number - q.scale_min) / static_cast<int32_t>(q.scale_step))));
      break;
    case PollQuestionType::kRecommend:
      bump(counts.counts.at(static_cast<size_t>(*v.number)));
      break;
    case PollQuestionType::kWords:
      for (const std::string& w : v.words) {
        uint32_t& n = counts.words[w];
        bump(n);
        if (n == 0) counts.words.erase(w);
      }
      break;
    case PollQuestionType::kOpen:
      break;
  }
}

PollCounts EmptyCounts(const PollQuestionSpec& q) {
  return PollCounts{.counts = std::vector<uint32_t>(CountSlots(q), 0)};
}

// The answer's checks that depend on the question's type; returns it
// normalised (choices ascending, texts trimmed, words in lower case).
Result<PollAnswerValue> CheckAnswer(const PollQuestionSpec& q,
                                    const PollAnswerValue& raw) {
  PollAnswerValue v;
  const bool numeric = q.type == PollQuestionType::kScale ||
                       q.type == PollQuestionType::kRecommend;
  if (numeric != raw.number.has_value()) {
    return Invalid(numeric ? "this question's answer is a number"
                           : "this question's answer is not a number");
  }
  if (q.type != PollQuestionType::kWords && !raw.words.empty())
    return Invalid("only a word cloud takes words");
  const bool takes_choices =
      IsChoice(q.type) || q.type == PollQuestionType::kLikert;
  if (!takes_choices && !raw.choices.empty())
    return Invalid("this question has no choices");
  if (!raw.why.empty()) {
    if (!TakesWhy(q.type) || q.why_prompt.empty())
      return Invalid("this question asks no why");
    auto why = CheckText(raw.why, kMaxWhyCodePoints, "the why");
    if (!why.ok()) return why.rejection();
    v.why = why.value();
  }
  const auto slots = static_cast<uint32_t>(CountSlots(q));
  switch (q.type) {
    case PollQuestionType::kSingle:
    case PollQuestionType::kMultiple: {
      const uint32_t max =
          q.type == PollQuestionType::kSingle
              ? 1
              : (q.max_choices == 0 ? slots : std::min(q.max_choices, slots));
      if (raw.choices.empty()) return Invalid("choose an option");
      if (raw.choices.size() > max) {
        return Invalid("at most " + std::to_string(max) +
                       (max == 1 ? " choice" : " choices"));
      }
      v.choices = raw.choices;
      std::sort(v.choices.begin(), v.choices.end());
      if (std::adjacent_find(v.choices.begin(), v.choices.end()) !=
          v.choices.end())
        return Invalid("the same option twice");
      if (v.choices.back() >= slots)
        return Invalid("no option " + std::to_string(v.choices.back()));
      const auto other = static_cast<uint32_t>(q.options.size());
      const bool chose_other = q.allow_other && v.choices.back() == other;
      if (chose_other) {
        auto text = CheckText(raw.text, kMaxOptionCodePoints, "your answer");
        if (!text.ok()) return text.rejection();
        v.text = text.value();
      } else if (!raw.text.empty()) {
        return Invalid("a text goes with \"other\" only");
      }
      break;
    }
    case PollQuestionType::kLikert:
      if (raw.choices.size() != q.statements.size()) {
        return Invalid("one level for each of the " +
                       std::to_string(q.statements.size()) + " statements");
      }
      for (uint32_t level : raw.choices)
        if (level >= q.options.size())
          return Invalid("no level " + std::to_string(level));
      if (!raw.text.empty()) return Invalid("this question takes no text");
      v.choices = raw.choices;
      break;
    case PollQuestionType::kScale: {
      const int32_t n = *raw.number;
      if (n < q.scale_min || n > q.scale_max ||
          (n - q.scale_min) % static_cast<int32_t>(q.scale_step) != 0) {
        return Invalid(std::to_string(n) + " is not on the scale " +
                       std::to_string(q.scale_min) + " to " +
                       std::to_string(q.scale_max) + " by " +
                       std::to_string(q.scale_step));
      }
      if (!raw.text.empty()) return Invalid("this question takes no text");
      v.number = n;
      break;
    }
    case PollQuestionType::kRecommend:
      if (*raw.number < 0 || *raw.number > 10)
        return Invalid(std::to_string(*raw.number) + " is not from 0 to 10");
      if (!raw.text.empty()) return Invalid("this question takes no text");
      v.number = raw.number;
      break;
    case PollQuestionType::kOpen: {
      auto text = CheckText(raw.text, kMaxAnswerCodePoints, "the answer");
      if (!text.ok()) return text.rejection();
      v.text = text.value();
      break;
    }
    case PollQuestionType::kWords: {
      if (raw.words.empty() || raw.words.size() > q.max_words) {
        return Invalid("1 to " + std::to_string(q.max_words) + " words, not " +
                       std::to_string(raw.words.size()));
      }
      for (const std::string& w : raw.words) {
        auto word = CheckWord(w);
        if (!word.ok()) return word.rejection();
        if (std::find(v.words.begin(), v.words.end(), word.value()) !=
            v.words.end())
          return Invalid("the word \"" + word.value() + "\" twice");
        v.words.push_back(word.value());
      }
      if (!raw.text.empty()) return Invalid("this question takes no text");
      break;
    }
  }
  return v;
}

Result<const Poll*> Existing(const Context& c, PollId id) {
  const Poll* poll = c.state.poll.Find(id);
  if (poll == nullptr)
    return Rejection::NotFound("no poll " + std::to_string(id));
  return poll;
}

Result<const Poll*> ExistingQuestion(const Context& c, PollId id,
                                     uint32_t question) {
  auto poll = Existing(c, id);
  if (!poll.ok()) return poll;
  if (question >= poll.value()->spec.questions.size()) {
    return Rejection::NotFound("poll " + std::to_string(id) +
                               " has no question " + std::to_string(question));
  }
  return poll;
}

void TouchTexts(const PollState& ps, PollId poll, uint32_t question,
                Touched& t) {
  for (const auto& [id, ref] : ps.texts) {
    const PollResponse& r = ps.responses.at(ref.response);
    if (r.poll == poll && ref.question == question)
      t.Add({DocKind::kPollText, id});
  }
}

// The poll's counts as they are go to the devices now.
void Publish(Poll& poll, Time at, Touched& t) {
  for (uint32_t q = 0; q < poll.live.size(); ++q) {
    if (poll.published[q] == poll.live[q]) continue;
    poll.published[q] = poll.live[q];
    t.Add({DocKind::kPollTally, TallyId(poll.id, q)});
  }
  if (poll.published_respondents != poll.respondents ||
      poll.published_completed != poll.completed) {
    poll.published_respondents = poll.respondents;
    poll.published_completed = poll.completed;
    t.Add({DocKind::kPollProgress, poll.id});
  }
  poll.dirty = false;
  poll.published_at = at;
}

}  // namespace

size_t CountSlots(const PollQuestionSpec& q) {
  switch (q.type) {
    case PollQuestionType::kSingle:
    case PollQuestionType::kMultiple:
      return q.options.size() + (q.allow_other ? 1 : 0);
    case PollQuestionType::kScale:
      if (q.scale_step == 0 || q.scale_max < q.scale_min) return 0;
      return static_cast<size_t>((q.scale_max - q.scale_min) /
                                 static_cast<int32_t>(q.scale_step)) +
             1;
    case PollQuestionType::kLikert:
      return q.statements.size() * q.options.size();
    case PollQuestionType::kRecommend:
      return 11;
    case PollQuestionType::kOpen:
    case PollQuestionType::kWords:
      return 0;
  }
  return 0;
}

int32_t RecommendScore(const std::vector<uint32_t>& counts) {
  int64_t total = 0;
  int64_t promoters = 0;
  int64_t detractors = 0;
  for (size_t score = 0; score < counts.size() && score <= 10; ++score) {
    total += counts[score];
    if (score >= 9) promoters += counts[score];
    if (score <= 6) detractors += counts[score];
  }
  if (total == 0) return 0;
  const int64_t num = 100 * (promoters - detractors);
  const int64_t magnitude = (2 * std::abs(num) + total) / (2 * total);
  return static_cast<int32_t>(num < 0 ? -magnitude : magnitude);
}

std::vector<std::pair<std::string, uint32_t>> CloudWords(
    const Poll& poll, uint32_t question, const PollCounts& counts) {
  std::vector<std::pair<std::string, uint32_t>> words;
  for (const auto& [word, n] : counts.words)
    if (!poll.hidden_words.contains({question, word}))
      words.emplace_back(word, n);
  std::stable_sort(
      words.begin(), words.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  if (words.size() > kMaxCloudWords) words.resize(kMaxCloudWords);
  return words;
}

Result<PollQuestionSpec> CheckQuestion(const PollQuestionSpec& spec) {
  PollQuestionSpec q = spec;
  auto prompt = CheckText(spec.prompt, kMaxPromptCodePoints, "the question");
  if (!prompt.ok()) return prompt.rejection();
  q.prompt = prompt.value();
  auto min_label = CheckOptional(spec.min_label, kMaxOptionCodePoints,
                                 "the low end's label");
  if (!min_label.ok()) return min_label.rejection();
  q.min_label = min_label.value();
  auto max_label = CheckOptional(spec.max_label, kMaxOptionCodePoints,
                                 "the high end's label");
  if (!max_label.ok()) return max_label.rejection();
  q.max_label = max_label.value();
  auto why =
      CheckOptional(spec.why_prompt, kMaxOptionCodePoints, "the why prompt");
  if (!why.ok()) return why.rejection();
  q.why_prompt = why.value();
  if (!q.why_prompt.empty() && !TakesWhy(q.type))
    return Invalid("a why prompt goes with a choice, a scale or 0 to 10");
  if (q.allow_other && !IsChoice(q.type))
    return Invalid("\"other\" goes with a choice");
  if (q.type != PollQuestionType::kLikert && !q.statements.empty())
    return Invalid("statements go with a Likert matrix");
  switch (q.type) {
    case PollQuestionType::kSingle:
    case PollQuestionType::kMultiple: {
      auto options =
          CheckList(spec.options, kMinOptions, kMaxOptions, "option");
      if (!options.ok()) return options.rejection();
      q.options = options.value();
      if (q.type == PollQuestionType::kSingle) q.max_choices = 0;
      if (q.max_choices > CountSlots(q)) {
        return Invalid("at most " + std::to_string(CountSlots(q)) +
                       " choices can be allowed");
      }
      break;
    }
    case PollQuestionType::kLikert: {
      auto levels = CheckList(spec.options, kMinLevels, kMaxLevels, "level");
      if (!levels.ok()) return levels.rejection();
      q.options = levels.value();
      auto statements = CheckList(spec.statements, 1, kMaxStatements,
                                  "statement", kMaxPromptCodePoints);
      if (!statements.ok()) return statements.rejection();
      q.statements = statements.value();
      break;
    }
    case PollQuestionType::kScale:
      if (q.scale_step == 0) return Invalid("the scale's step is 0");
      if (q.scale_min >= q.scale_max)
        return Invalid("the scale's low end is not below its high end");
      if (std::abs(q.scale_min) > kMaxScaleMagnitude ||
          std::abs(q.scale_max) > kMaxScaleMagnitude)
        return Invalid("the scale goes beyond -1000 to 1000");
      if ((q.scale_max - q.scale_min) % static_cast<int32_t>(q.scale_step) != 0)
        return Invalid("the step does not lead from the low end to the high");
      if (CountSlots(q) > kMaxScalePoints)
        return Invalid("a scale has at most 21 points");
      break;
    case PollQuestionType::kWords:
      if (q.max_words == 0 || q.max_words > kMaxWordsPerAnswer)
        return Invalid("a word cloud takes 1 to 5 words each");
      break;
    case PollQuestionType::kRecommend:
    case PollQuestionType::kOpen:
      break;
  }
  if (!IsChoice(q.type) && q.type != PollQuestionType::kLikert &&
      !q.options.empty())
    return Invalid("options go with a choice or a Likert matrix");
  return q;
}

Result<PollSpec> CheckPoll(const PollSpec& spec) {
  if (spec.questions.empty() || spec.questions.size() > kMaxQuestions)
    return Invalid("a poll has 1 to 40 questions");
  PollSpec out = spec;
  for (size_t i = 0; i < spec.questions.size(); ++i) {
    auto q = CheckQuestion(spec.questions[i]);
    if (!q.ok()) {
      return Invalid("question " + std::to_string(i + 1) + ": " +
                     q.rejection().message);
    }
    out.questions[i] = q.value();
  }
  return out;
}

std::string PollAuthorName(const WorkshopState& s, const PollResponse& r) {
  const Poll* poll = s.poll.Find(r.poll);
  if (poll == nullptr || poll->spec.anonymous) return {};
  const Participant* author = s.FindParticipant(r.participant);
  return author == nullptr ? std::string() : author->display_name;
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::AskPoll& command) {
  const PollState& ps = c.state.poll;
  if (ps.polls.size() >= kMaxPolls) {
    return Rejection::FailedPrecondition(
        "this workshop has " + std::to_string(kMaxPolls) + " polls already");
  }
  auto question = CheckQuestion(command.question);
  if (!question.ok()) return question.rejection();
  std::vector<Event> events;
  // One live poll at a time: the phones answer the newest.
  for (const auto& [id, p] : ps.polls)
    if (p.agenda_index < 0 && p.open)
      events.emplace_back(ev::PollOpenSet{id, false, c.now});
  events.emplace_back(
      ev::PollCreated{.poll = ps.next_poll_id,
                      .agenda_index = -1,
                      .spec = PollSpec{.questions = {question.value()},
                                       .anonymous = command.anonymous,
                                       .results_live = command.results_live},
                      .at = c.now});
  return Events(std::move(events));
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::AnswerPoll& command) {
  auto found = ExistingQuestion(c, command.poll, command.question);
  if (!found.ok()) return found.rejection();
  const Poll& poll = *found.value();
  if (!poll.open) return Rejection::FailedPrecondition("this poll is closed");
  if (!poll.spec.self_paced && command.question != poll.current) {
    return Rejection::FailedPrecondition(
        "this question is not being asked now");
  }
  auto value =
      CheckAnswer(poll.spec.questions[command.question], command.value);
  if (!value.ok()) return value.rejection();
  const PollState& ps = c.state.poll;
  PollTextId text = 0;
  auto r = ps.responses.find(MineId(poll.id, c.actor.participant));
  if (r != ps.responses.end()) {
    auto a = r->second.answers.find(command.question);
    if (a != r->second.answers.end()) {
      if (a->second.value == value.value()) return Nothing();
      text = a->second.text;
    }
  }
  if (text == 0 && HasText(value.value())) text = ps.next_text_id;
  return Events({ev::PollAnswered{.poll = poll.id,
                                  .question = command.question,
                                  .participant = c.actor.participant,
                                  .value = std::move(value).value(),
                                  .text = text,
                                  .at = c.now}});
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::SetPollOpen& command) {
  auto poll = Existing(c, command.poll);
  if (!poll.ok()) return poll.rejection();
  if (poll.value()->open == command.open) return Nothing();
  return Events({ev::PollOpenSet{command.poll, command.open, c.now}});
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::ShowPollQuestion& command) {
  auto poll = ExistingQuestion(c, command.poll, command.question);
  if (!poll.ok()) return poll.rejection();
  if (poll.value()->current == command.question) return Nothing();
  return Events({ev::PollQuestionShown{command.poll, command.question}});
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::RevealPoll& command) {
  auto poll = ExistingQuestion(c, command.poll, command.question);
  if (!poll.ok()) return poll.rejection();
  if (poll.value()->revealed[command.question] == command.revealed)
    return Nothing();
  return Events({ev::PollRevealed{command.poll, command.question,
                                  command.revealed, c.now}});
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::EditPollQuestion& command) {
  auto poll = ExistingQuestion(c, command.poll, command.question);
  if (!poll.ok()) return poll.rejection();
  const uint32_t answered = poll.value()->live[command.question].answered;
  if (answered > 0) {
    return Rejection::FailedPrecondition(
        std::to_string(answered) +
        (answered == 1 ? " person has" : " people have") +
        " answered this question: it can no longer change");
  }
  auto spec = CheckQuestion(command.spec);
  if (!spec.ok()) return spec.rejection();
  if (poll.value()->spec.questions[command.question] == spec.value())
    return Nothing();
  return Events({ev::PollQuestionEdited{command.poll, command.question,
                                        std::move(spec).value()}});
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::HidePollText& command) {
  const PollAnswer* answer = c.state.poll.FindText(command.text);
  if (answer == nullptr || !HasText(answer->value))
    return Rejection::NotFound("no text " + std::to_string(command.text));
  if (answer->text_hidden == command.hidden) return Nothing();
  return Events({ev::PollTextHidden{command.text, command.hidden}});
}

Result<Decision> PollActivity::Decide(const Context& c,
                                      const cmd::HidePollWord& command) {
  auto poll = ExistingQuestion(c, command.poll, command.question);
  if (!poll.ok()) return poll.rejection();
  if (poll.value()->spec.questions[command.question].type !=
      PollQuestionType::kWords)
    return Invalid("this question is not a word cloud");
  auto word = CheckWord(command.word);
  if (!word.ok()) return word.rejection();
  const auto& hidden = poll.value()->hidden_words;
  if (hidden.contains({command.question, word.value()}) == command.hidden)
    return Nothing();
  if (command.hidden && hidden.size() >= kMaxHiddenWords) {
    return Rejection::FailedPrecondition("this poll has " +
                                         std::to_string(kMaxHiddenWords) +
                                         " hidden words already");
  }
  return Events({ev::PollWordHidden{command.poll, command.question,
                                    word.value(), command.hidden}});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollCreated& e,
                         Touched& t) {
  PollState& ps = s.poll;
  const size_t n = e.spec.questions.size();
  Poll poll{.id = e.poll,
            .agenda_index = e.agenda_index,
            .spec = e.spec,
            .revealed = std::vector<bool>(n, false),
            .opened_at = e.at,
            .published_at = e.at};
  for (const PollQuestionSpec& q : e.spec.questions)
    poll.live.push_back(EmptyCounts(q));
  poll.published = poll.live;
  ps.polls[e.poll] = std::move(poll);
  ps.next_poll_id = std::max(ps.next_poll_id, e.poll + 1);
  t.Add({DocKind::kPoll, e.poll});
  for (uint32_t q = 0; q < n; ++q)
    t.Add({DocKind::kPollTally, TallyId(e.poll, q)});
  t.Add({DocKind::kPollProgress, e.poll});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollAnswered& e,
                         Touched& t) {
  PollState& ps = s.poll;
  Poll& poll = ps.polls.at(e.poll);
  const PollQuestionSpec& q = poll.spec.questions.at(e.question);
  const uint64_t mine = MineId(e.poll, e.participant);
  PollResponse& r = ps.responses[mine];
  r.poll = e.poll;
  r.participant = e.participant;
  const size_t before = r.answers.size();
  auto old = r.answers.find(e.question);
  if (old != r.answers.end())
    Count(q, old->second.value, -1, poll.live[e.question]);
  Count(q, e.value, 1, poll.live[e.question]);
  PollAnswer& a = r.answers[e.question];
  a.value = e.value;
  a.at = e.at;
  a.text = e.text;
  if (before == 0) ++poll.respondents;
  if (before < poll.spec.questions.size() &&
      r.answers.size() == poll.spec.questions.size())
    ++poll.completed;
  if (e.text != 0) {
    ps.texts[e.text] = PollTextRef{.response = mine, .question = e.question};
    ps.next_text_id = std::max(ps.next_text_id, e.text + 1);
    t.Add({DocKind::kPollText, e.text});
  }
  poll.dirty = true;
  t.Add({DocKind::kPollMine, mine});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollOpenSet& e,
                         Touched& t) {
  Poll& poll = s.poll.polls.at(e.poll);
  poll.open = e.open;
  if (!e.open) Publish(poll, e.at, t);  // the final figures, at once
  t.Add({DocKind::kPoll, e.poll});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollQuestionShown& e,
                         Touched& t) {
  s.poll.polls.at(e.poll).current = e.question;
  t.Add({DocKind::kPoll, e.poll});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollRevealed& e,
                         Touched& t) {
  Poll& poll = s.poll.polls.at(e.poll);
  poll.revealed.at(e.question) = e.revealed;
  Publish(poll, e.at, t);  // a reveal shows the figures as they are
  t.Add({DocKind::kPoll, e.poll});
  t.Add({DocKind::kPollTally, TallyId(e.poll, e.question)});
  TouchTexts(s.poll, e.poll, e.question, t);
}

void PollActivity::Apply(WorkshopState& s, const ev::PollQuestionEdited& e,
                         Touched& t) {
  Poll& poll = s.poll.polls.at(e.poll);
  poll.spec.questions.at(e.question) = e.spec;
  poll.live.at(e.question) = EmptyCounts(e.spec);
  poll.published.at(e.question) = poll.live[e.question];
  std::erase_if(poll.hidden_words,
                [&](const auto& w) { return w.first == e.question; });
  t.Add({DocKind::kPoll, e.poll});
  t.Add({DocKind::kPollTally, TallyId(e.poll, e.question)});
  t.Add({DocKind::kPollHidden, e.poll});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollTextHidden& e,
                         Touched& t) {
  PollState& ps = s.poll;
  const PollTextRef& ref = ps.texts.at(e.text);
  ps.responses.at(ref.response).answers.at(ref.question).text_hidden = e.hidden;
  t.Add({DocKind::kPollText, e.text});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollWordHidden& e,
                         Touched& t) {
  Poll& poll = s.poll.polls.at(e.poll);
  if (e.hidden)
    poll.hidden_words.insert({e.question, e.word});
  else
    poll.hidden_words.erase({e.question, e.word});
  t.Add({DocKind::kPollTally, TallyId(e.poll, e.question)});
  t.Add({DocKind::kPollHidden, e.poll});
}

void PollActivity::Apply(WorkshopState& s, const ev::PollTalliesPublished& e,
                         Touched& t) {
  Publish(s.poll.polls.at(e.poll), e.at, t);
}

void PollActivity::SetUp(const Context& c, int index, const AgendaItem& item,
                         std::vector<Event>& events) {
  if (item.activity != ActivityKind::kPoll) return;
  for (const auto& [id, p] : c.state.poll.polls)
    if (p.agenda_index == index) return;  // coming back keeps the answers
  if (item.poll.questions.empty()) return;
  events.emplace_back(ev::PollCreated{.poll = c.state.poll.next_poll_id,
                                      .agenda_index = index,
                                      .spec = item.poll,
                                      .at = c.now});
}

void PollActivity::Joined(const Context&, const ev::ParticipantJoined&,
                          std::vector<Event>&) {}

void PollActivity::Tick(const Context& c, std::vector<Event>& events) {
  for (const auto& [id, poll] : c.state.poll.polls)
    if (poll.dirty && c.now >= poll.published_at + kTallyInterval)
      events.emplace_back(ev::PollTalliesPublished{id, c.now});
}

std::optional<Time> PollActivity::NextDeadline(const WorkshopState& s) {
  std::optional<Time> next;
  for (const auto& [id, poll] : s.poll.polls) {
    if (!poll.dirty) continue;
    const Time due = poll.published_at + kTallyInterval;
    if (!next || due < *next) next = due;
  }
  return next;
}

// Their own answers' document goes with them; their texts carry their name in
// named polls. What they answered stays in the counts (nothing is lost).
void PollActivity::TouchParticipant(const WorkshopState& s, ParticipantId p,
                                    Touched& t) {
  for (const auto& [mine, r] : s.poll.responses) {
    if (r.participant != p) continue;
    t.Add({DocKind::kPollMine, mine});
    for (const auto& [question, a] : r.answers)
      if (a.text != 0) t.Add({DocKind::kPollText, a.text});
  }
}

void PollActivity::TouchLayout(const WorkshopState&, Touched&) {}

void PollActivity::ForEachDoc(const WorkshopState& s, const DocVisitor& visit) {
  const PollState& ps = s.poll;
  for (const auto& [id, poll] : ps.polls) visit({DocKind::kPoll, id});
  for (const auto& [mine, r] : ps.responses)
    if (s.FindParticipant(r.participant) != nullptr)
      visit({DocKind::kPollMine, mine});
  for (const auto& [id, poll] : ps.polls)
    for (uint32_t q = 0; q < poll.spec.questions.size(); ++q)
      visit({DocKind::kPollTally, TallyId(id, q)});
  for (const auto& [id, ref] : ps.texts)
    if (const PollAnswer* a = ps.FindText(id);
        a != nullptr && HasText(a->value))
      visit({DocKind::kPollText, id});
  for (const auto& [id, poll] : ps.polls) visit({DocKind::kPollProgress, id});
  for (const auto& [id, poll] : ps.polls)
    if (!poll.hidden_words.empty()) visit({DocKind::kPollHidden, id});
}

Visibility PollActivity::VisibilityOf(const WorkshopState& s,
                                      const DocKey& key) {
  const PollState& ps = s.poll;
  switch (key.kind) {
    case DocKind::kPoll:
      if (ps.Find(static_cast<PollId>(key.id)) == nullptr) return {};
      return {Audience::Everyone()};
    case DocKind::kPollMine: {
      auto it = ps.responses.find(key.id);
      if (it == ps.responses.end() ||
          s.FindParticipant(it->second.participant) == nullptr)
        return {};
      return {Audience::Participant(it->second.participant)};
    }
    case DocKind::kPollTally: {
      const Poll* poll = ps.Find(static_cast<PollId>(key.id >> 8));
      const auto q = static_cast<uint32_t>(key.id & 0xFF);
      if (poll == nullptr || q >= poll->spec.questions.size()) return {};
      if (poll->ResultsShown(q)) return {Audience::Everyone()};
      return {Audience::Facilitators()};
    }
    case DocKind::kPollText: {
      const PollResponse* r = nullptr;
      const PollAnswer* a = ps.FindText(static_cast<PollTextId>(key.id), &r);
      if (a == nullptr || !HasText(a->value)) return {};
      const uint32_t q = ps.texts.at(static_cast<PollTextId>(key.id)).question;
      if (!a->text_hidden && ps.Find(r->poll)->ResultsShown(q))
        return {Audience::Staff()};
      return {Audience::Facilitators()};
    }
    case DocKind::kPollProgress:
      if (ps.Find(static_cast<PollId>(key.id)) == nullptr) return {};
      return {Audience::Staff()};
    case DocKind::kPollHidden: {
      const Poll* poll = ps.Find(static_cast<PollId>(key.id));
      if (poll == nullptr || poll->hidden_words.empty()) return {};
      return {Audience::Facilitators()};
    }
    default:
      return {};
  }
}

void PollActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  const PollState& ps = s.poll;
  if (ps.polls.empty()) return;
  for (const auto& [id, poll] : ps.polls) {
    out << "poll " << id << " item " << poll.agenda_index << " "
        << poll.spec.questions.size() << " questions"
        << (poll.spec.self_paced ? " self-paced" : "")
        << (poll.spec.anonymous ? " anonymous" : "")
        << (poll.spec.results_live ? " live" : "")
        << (poll.open ? " open" : " closed") << " current " << poll.current
        << " respondents " << poll.respondents << " completed "
        << poll.completed << (poll.dirty ? " dirty" : "") << " published at "
        << Ms(poll.published_at) << "\n";
    for (uint32_t q = 0; q < poll.spec.questions.size(); ++q) {
      out << "  question " << q << " \"" << poll.spec.questions[q].prompt
          << "\"" << (poll.revealed[q] ? " revealed" : "") << " answered "
          << poll.live[q].answered << " counts";
      for (uint32_t n : poll.live[q].counts) out << " " << n;
      for (const auto& [word, n] : poll.live[q].words)
        out << " " << word << "=" << n;
      out << "\n";
    }
    for (const auto& [q, word] : poll.hidden_words)
      out << "  hidden word " << q << " \"" << word << "\"\n";
  }
  for (const auto& [mine, r] : ps.responses) {
    for (const auto& [q, a] : r.answers) {
      out << "poll answer " << r.poll << "/" << q << " by " << r.participant
          << " choices";
      for (uint32_t ch : a.value.choices) out << " " << ch;
      if (a.value.number) out << " number " << *a.value.number;
      if (!a.value.text.empty()) out << " text \"" << a.value.text << "\"";
      for (const auto& w : a.value.words) out << " word \"" << w << "\"";
      if (!a.value.why.empty()) out << " why \"" << a.value.why << "\"";
      if (a.text != 0) out << " text id " << a.text;
      out << (a.text_hidden ? " hidden" : "") << " at " << Ms(a.at) << "\n";
    }
  }
  out << "next poll " << ps.next_poll_id << " text " << ps.next_text_id << "\n";
}

}  // namespace campana::domain
