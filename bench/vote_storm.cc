#include "bench/vote_storm.h"

#include <cstdio>
#include <random>

namespace campana::bench {

StormResult VoteStorm(const Config& cfg, uint32_t n,
                      const std::function<std::string()>& postgres) {
  std::vector<double> p50, p99, tally;
  for (int attempt = 0; attempt < (cfg.quick ? 1 : 3); ++attempt) {
    Campana c = postgres ? StartCampanaWith(cfg, postgres(), true)
                         : StartCampana(cfg, "storm-" + std::to_string(n));
    asio::io_context io(1);
    Facilitator desk(io, c.endpoint, c.code, c.key);
    Facilitator screen(io, c.endpoint, c.code, "", c.projector_key);
    Clock::time_point last = Clock::now();
    RunUntil(
        io, [&] { return desk.open() && screen.open(); },
        std::chrono::seconds(10));
    pb::Command go;
    go.mutable_goto_agenda_item()->set_index(5);  // the demo's open question
    desk.Command(go);
    pb::Command show;
    show.mutable_show_answers()->set_agenda_index(5);
    show.mutable_show_answers()->set_show(true);
    desk.Command(show);
    auto fleet = JoinFleet(io, cfg, c, n, last);
    uint32_t shown = 0;
    Clock::time_point tallied;
    screen.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
      if (!m.has_delta()) return;
      for (const auto& patch : m.delta().patches())
        shown += patch.put().kind() == pb::DOC_KIND_SHOWN_ANSWER;
      if (shown >= n && tallied == Clock::time_point{}) tallied = at;
    };
    std::vector<double> acks;
    fleet->on_reply = [&](uint32_t, const pb::ServerMessage& m,
                          Clock::duration d) {
      if (m.has_ack()) acks.push_back(Ms(d));
    };
    // Everyone votes within one second, at a moment of their own.
    std::vector<std::pair<Clock::time_point, uint32_t>> moments;
    std::mt19937 rng(attempt + 1);
    std::uniform_int_distribution<int> within(0, 999'999);
    const auto t0 = Clock::now() + std::chrono::milliseconds(50);
    for (uint32_t i = 0; i < n; ++i)
      moments.emplace_back(t0 + std::chrono::microseconds(within(rng)), i);
    std::sort(moments.begin(), moments.end());
    size_t next = 0;
    Clock::time_point last_vote;
    while (next < moments.size()) {
      io.run_one_until(moments[next].first);
      while (next < moments.size() && moments[next].first <= Clock::now()) {
        pb::Command vote;
        vote.mutable_submit_answer()->set_agenda_index(5);
        vote.mutable_submit_answer()->set_text(
            "Voto " + std::to_string(moments[next].second));
        fleet->Send(moments[next].second, vote);
        last_vote = Clock::now();
        ++next;
      }
    }
    RunUntil(
        io, [&] { return acks.size() >= n && shown >= n; },
        std::chrono::seconds(60));
    if (acks.size() < n || shown < n)
      std::fprintf(stderr, "  storm %u: %zu acks, %u shown\n", n, acks.size(),
                   shown);
    p50.push_back(Percentile(acks, 0.5));
    p99.push_back(Percentile(acks, 0.99));
    tally.push_back(Ms(tallied - last_vote));
    fleet->Stop();
    desk.Close();
    screen.Close();
    io.poll();
  }
  return {postgres ? "postgresql" : "sqlite", n, Summarize(p50), Summarize(p99),
          Summarize(tally)};
}

}  // namespace campana::bench
