#include "bench/poll_storm.h"

#include <cstdio>
#include <map>
#include <optional>
#include <random>

namespace campana::bench {
namespace {

constexpr auto kAnswerWindow = std::chrono::seconds(10);
// The server publishes the tallies every 250 ms from the first answer on, so
// a 10 s window would end just before a publication every time. Run k's window
// is longer by (2k + 1) / 6 of that interval (42, 125 and 208 ms) so that the
// last answer falls early, midway and late in it.
constexpr auto kTallyInterval = std::chrono::milliseconds(250);
// After the last send: how long the Acks and the final tally may take at most.
constexpr auto kReplyTimeout = std::chrono::seconds(30);
constexpr auto kFinalTimeout = std::chrono::seconds(5);

// A poll document's count, as it arrived.
struct Seen {
  Clock::time_point at;
  uint32_t count = 0;
};

// What the facilitator's console (or the projector) receives about the poll.
struct Watcher {
  const char* who = "";
  std::map<uint64_t, bool> replies;  // request id: acknowledged
  // Since the last Reset: bytes, delta frames, and the frames that carry the
  // poll's tally (its `answered`) or its progress (respondents).
  uint64_t bytes = 0;
  uint32_t frames = 0;
  std::vector<Seen> tallies, progress;

  void Reset() {
    bytes = 0;
    frames = 0;
    tallies.clear();
    progress.clear();
  }
  uint32_t answered() const {
    return tallies.empty() ? 0 : tallies.back().count;
  }
  uint32_t respondents() const {
    return progress.empty() ? 0 : progress.back().count;
  }

  void Take(const pb::ServerMessage& m, Clock::time_point at,
            uint32_t& poll_id) {
    bytes += m.ByteSizeLong();
    if (m.has_ack()) replies[m.ack().request_id()] = true;
    if (m.has_rejection()) {
      replies[m.rejection().request_id()] = false;
      std::fprintf(stderr, "  poll storm: the %s was refused: %s\n", who,
                   m.rejection().message().c_str());
    }
    if (!m.has_delta()) return;
    ++frames;
    bool tally = false, counted = false;
    for (const pb::Patch& p : m.delta().patches()) {
      if (!p.has_put()) continue;
      const pb::Doc& doc = p.put();
      // The newest open live poll is the one asked.
      if (doc.has_poll() && doc.poll().agenda_index() < 0 &&
          doc.poll().open() && doc.poll().id() > poll_id)
        poll_id = doc.poll().id();
      if (poll_id == 0) continue;
      if (doc.has_poll_tally() && doc.poll_tally().poll_id() == poll_id &&
          doc.poll_tally().question() == 0 && !tally) {
        tally = true;
        tallies.push_back({at, doc.poll_tally().answered()});
      }
      if (doc.has_poll_progress() && doc.poll_progress().poll_id() == poll_id &&
          !counted) {
        counted = true;
        progress.push_back({at, doc.poll_progress().respondents()});
      }
    }
  }
};

// The first arrival whose count reaches `target`.
std::optional<Clock::time_point> Reached(const std::vector<Seen>& seen,
                                         uint32_t target) {
  for (const Seen& s : seen)
    if (s.count >= target) return s.at;
  return std::nullopt;
}

// One run's figures, before the summaries over runs.
struct Run {
  std::vector<double> acks;
  uint32_t refused = 0;
  double projector_tally_frames = 0, projector_frames = 0, projector_bytes = 0;
  double console_tally_frames = 0, console_frames = 0, console_bytes = 0;
  double phone_tally_frames = 0, device_bytes_per_answer = 0;
  double console_min_gap_ms = 0;
  double console_final_ms = -1, projector_final_ms = -1;
  double reveal_projector_ms = -1, reveal_last_phone_ms = -1,
         reveal_bytes_per_phone = 0;
  double load = 0;
  bool asked = false;
};

Run OneRun(const Config& cfg, uint32_t n, PollResults results, int attempt) {
  Run run;
  const bool live = results == PollResults::kLive;
  Campana c = StartCampana(cfg, live ? "poll-live" : "poll-hidden");
  asio::io_context io(1);
  Facilitator desk(io, c.endpoint, c.code, c.key);
  Facilitator screen(io, c.endpoint, c.code, "", c.projector_key);
  uint32_t poll_id = 0;
  Clock::time_point last = Clock::now();
  Watcher console{.who = "facilitator"}, projector{.who = "projector"};
  desk.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
    last = at;
    console.Take(m, at, poll_id);
  };
  screen.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
    last = at;
    projector.Take(m, at, poll_id);
  };
  RunUntil(
      io, [&] { return desk.open() && screen.open(); },
      std::chrono::seconds(10));
  RunUntil(
      io, [&] { return desk.messages > 0 && screen.messages > 0; },
      std::chrono::seconds(10));
  auto fleet = JoinFleet(io, cfg, c, n, last);

  // The facilitator asks the question live (ACTIVITIES.md item 6's scale).
  pb::Command ask;
  auto* question = ask.mutable_ask_poll()->mutable_question();
  question->set_type(pb::POLL_QUESTION_TYPE_SCALE);
  question->set_prompt(
      "¿Qué tan cómodos cree que se sienten sus colaboradores con el fracaso?");
  question->set_scale_min(1);
  question->set_scale_max(5);
  question->set_min_label("Nada cómodos");
  question->set_max_label("Muy cómodos");
  ask.mutable_ask_poll()->set_results_live(live);
  const uint64_t asked = desk.Command(ask);
  RunUntil(
      io, [&] { return console.replies.count(asked) > 0 && poll_id != 0; },
      std::chrono::seconds(30));
  if (!console.replies[asked] || poll_id == 0) {
    std::fprintf(stderr, "  poll storm: the poll was not asked\n");
    fleet->Stop();
    return run;
  }
  run.asked = true;
  Quiesce(io, last, std::chrono::milliseconds(500));  // every phone has it

  // What each phone receives: bytes, and the frames with the poll's tally.
  enum class Phase { kAnswers, kReveal } phase = Phase::kAnswers;
  uint64_t device_bytes = 0;
  std::vector<uint32_t> phone_tallies(n, 0);
  std::vector<Clock::time_point> phone_revealed(n);
  Clock::time_point last_ack;
  fleet->on_message = [&](uint32_t bot, const pb::ServerMessage& m,
                          Clock::time_point at) {
    last = at;
    device_bytes += m.ByteSizeLong();
    if (m.has_ack() && phase == Phase::kAnswers)
      last_ack = std::max(last_ack, at);
    if (!m.has_delta()) return;
    for (const pb::Patch& p : m.delta().patches()) {
      if (!p.has_put() || !p.put().has_poll_tally() ||
          p.put().poll_tally().poll_id() != poll_id)
        continue;
      if (phase == Phase::kAnswers) {
        ++phone_tallies[bot];
      } else if (phone_revealed[bot] == Clock::time_point{}) {
        phone_revealed[bot] = at;
      }
      break;
    }
  };
  size_t replied = 0;
  fleet->on_reply = [&](uint32_t, const pb::ServerMessage& m,
                        Clock::duration d) {
    ++replied;
    if (m.has_ack()) {
      run.acks.push_back(Ms(d));
    } else if (++run.refused <= 3) {
      std::fprintf(stderr, "  poll storm: refused: %s\n",
                   m.rejection().message().c_str());
    }
  };

  // Each joined phone answers once, at a moment of its own within the window:
  // 500 answers a second at 5,000, within the workshop's budget (1,000 a second
  // beyond a burst of 5,000), so none is refused for it.
  std::mt19937 rng(static_cast<uint32_t>(attempt + 1));
  const auto window = std::chrono::duration_cast<Clock::duration>(
      kAnswerWindow + kTallyInterval * (2 * attempt + 1) / 6);
  auto moments =
      Moments(n, 1, Clock::now() + std::chrono::milliseconds(50), window, rng);
  std::erase_if(moments, [&](const auto& m) {
    return fleet->participant(m.second) == 0;
  });
  const size_t phones = moments.size();
  console.Reset();
  projector.Reset();
  Paced(io, moments, [&](uint32_t bot) {
    pb::Command answer;
    answer.mutable_answer_poll()->set_poll_id(poll_id);
    answer.mutable_answer_poll()->set_question(0);
    answer.mutable_answer_poll()->mutable_value()->set_number(
        1 + static_cast<int32_t>(rng() % 5));
    fleet->Send(bot, answer);
  });
  RunUntil(
      io, [&] { return replied >= phones; }, kReplyTimeout);
  const auto acked = static_cast<uint32_t>(run.acks.size());
  RunUntil(
      io,
      [&] {
        return console.answered() >= acked &&
               (live ? projector.answered() : projector.respondents()) >= acked;
      },
      kFinalTimeout);
  Quiesce(io, last, std::chrono::milliseconds(300));
  run.console_tally_frames = static_cast<double>(console.tallies.size());
  run.console_frames = console.frames;
  run.console_bytes = static_cast<double>(console.bytes);
  run.projector_tally_frames = static_cast<double>(projector.tallies.size());
  run.projector_frames = projector.frames;
  run.projector_bytes = static_cast<double>(projector.bytes);
  std::vector<double> per_phone(phone_tallies.begin(), phone_tallies.end());
  run.phone_tally_frames = Percentile(per_phone, 0.5);
  run.device_bytes_per_answer =
      acked == 0 ? 0 : static_cast<double>(device_bytes) / acked;
  for (size_t i = 1; i < console.tallies.size(); ++i) {
    const double gap = Ms(console.tallies[i].at - console.tallies[i - 1].at);
    if (i == 1 || gap < run.console_min_gap_ms) run.console_min_gap_ms = gap;
  }
  if (auto at = Reached(console.tallies, acked))
    run.console_final_ms = Ms(*at - last_ack);
  if (auto at = Reached(live ? projector.tallies : projector.progress, acked))
    run.projector_final_ms = Ms(*at - last_ack);
  if (acked < phones || run.console_final_ms < 0 || run.projector_final_ms < 0)
    std::fprintf(stderr,
                 "  poll storm: %u of %zu answers acknowledged; the console "
                 "counted %u, the projector %u\n",
                 acked, phones, console.answered(),
                 live ? projector.answered() : projector.respondents());

  // The reveal: the tally reaches every phone and the projector.
  if (!live) {
    phase = Phase::kReveal;
    projector.Reset();
    device_bytes = 0;
    pb::Command reveal;
    reveal.mutable_reveal_poll()->set_poll_id(poll_id);
    reveal.mutable_reveal_poll()->set_question(0);
    reveal.mutable_reveal_poll()->set_revealed(true);
    const auto sent = Clock::now();
    desk.Command(reveal);
    auto revealed = [&] {
      size_t count = 0;
      for (uint32_t i = 0; i < n; ++i)
        count += phone_revealed[i] != Clock::time_point{};
      return count;
    };
    RunUntil(
        io, [&] { return revealed() >= phones && !projector.tallies.empty(); },
        kReplyTimeout);
    Quiesce(io, last, std::chrono::milliseconds(300));
    if (!projector.tallies.empty())
      run.reveal_projector_ms = Ms(projector.tallies.front().at - sent);
    Clock::time_point latest = sent;
    for (const auto& at : phone_revealed) latest = std::max(latest, at);
    run.reveal_last_phone_ms = Ms(latest - sent);
    run.reveal_bytes_per_phone =
        phones == 0 ? 0 : static_cast<double>(device_bytes) / phones;
    if (revealed() < phones)
      std::fprintf(stderr, "  poll storm: %zu of %zu phones saw the reveal\n",
                   revealed(), phones);
  }
  run.load = LoadAverage();
  fleet->Stop();
  desk.Close();
  screen.Close();
  io.poll();
  return run;
}

}  // namespace

PollStormResult PollStorm(const Config& cfg, uint32_t n, PollResults results) {
  PollStormResult r;
  r.results = results == PollResults::kLive ? "live" : "hidden";
  r.n = n;
  r.window_s = std::chrono::duration<double>(kAnswerWindow).count();
  std::vector<double> answers, p50, p99, pmax, ptf, pf, pb, ctf, cf, cb, phf,
      dba, gap, cfin, pfin, rp, rl, rb, load;
  for (int attempt = 0; attempt < (cfg.quick ? 1 : 3); ++attempt) {
    const Run run = OneRun(cfg, n, results, attempt);
    if (!run.asked) return r;
    r.refused = std::max(r.refused, run.refused);
    answers.push_back(static_cast<double>(run.acks.size()));
    p50.push_back(Percentile(run.acks, 0.5));
    p99.push_back(Percentile(run.acks, 0.99));
    pmax.push_back(Percentile(run.acks, 1.0));
    ptf.push_back(run.projector_tally_frames);
    pf.push_back(run.projector_frames);
    pb.push_back(run.projector_bytes);
    ctf.push_back(run.console_tally_frames);
    cf.push_back(run.console_frames);
    cb.push_back(run.console_bytes);
    phf.push_back(run.phone_tally_frames);
    dba.push_back(run.device_bytes_per_answer);
    gap.push_back(run.console_min_gap_ms);
    cfin.push_back(run.console_final_ms);
    pfin.push_back(run.projector_final_ms);
    if (results == PollResults::kHidden) {
      rp.push_back(run.reveal_projector_ms);
      rl.push_back(run.reveal_last_phone_ms);
      rb.push_back(run.reveal_bytes_per_phone);
    }
    load.push_back(run.load);
  }
  r.answers = Summarize(answers);
  r.ack_p50 = Summarize(p50);
  r.ack_p99 = Summarize(p99);
  r.ack_max = Summarize(pmax);
  r.projector_tally_frames = Summarize(ptf);
  r.projector_frames = Summarize(pf);
  r.projector_bytes = Summarize(pb);
  r.console_tally_frames = Summarize(ctf);
  r.console_frames = Summarize(cf);
  r.console_bytes = Summarize(cb);
  r.phone_tally_frames = Summarize(phf);
  r.device_bytes_per_answer = Summarize(dba);
  r.console_min_gap_ms = Summarize(gap);
  r.console_final_ms = Summarize(cfin);
  r.projector_final_ms = Summarize(pfin);
  r.reveal_projector_ms = Summarize(rp);
  r.reveal_last_phone_ms = Summarize(rl);
  r.reveal_bytes_per_phone = Summarize(rb);
  r.load = Summarize(load);
  return r;
}

}  // namespace campana::bench
