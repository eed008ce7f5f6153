#include "bench/board_storm.h"

#include <cstdio>
#include <map>
#include <random>

namespace campana::bench {
namespace {

constexpr uint32_t kNotesEach = 5;
constexpr uint32_t kDotsEach = 5;  // the boards' default budget
constexpr uint32_t kGroupSize = 8;
constexpr auto kNoteWindow = std::chrono::seconds(60);
constexpr auto kDotWindow = std::chrono::seconds(30);
// After a phase's last send: how long its replies may take at most.
constexpr auto kReplyTimeout = std::chrono::seconds(30);

// What the facilitator's console and the projector see and receive.
struct Staff {
  std::vector<int> board_items;         // agenda indices, in order
  std::map<int, pb::BoardSpec> boards;  // set up so far, by agenda index
  std::map<uint64_t, bool> replies;     // request id: acknowledged
  uint64_t bytes = 0;
  Clock::time_point last_message = Clock::now();

  void Take(const pb::ServerMessage& m, Clock::time_point at) {
    bytes += m.ByteSizeLong();
    last_message = at;
    if (m.has_ack()) replies[m.ack().request_id()] = true;
    if (m.has_rejection()) {
      replies[m.rejection().request_id()] = false;
      std::fprintf(stderr, "  board storm: the facilitator was refused: %s\n",
                   m.rejection().message().c_str());
    }
    auto put = [&](const pb::Doc& doc) {
      if (doc.has_agenda()) {
        board_items.clear();
        for (int i = 0; i < doc.agenda().items_size(); ++i) {
          if (doc.agenda().items(i).activity() == pb::Agenda::ACTIVITY_BOARD)
            board_items.push_back(i);
        }
      }
      if (doc.has_board()) boards[doc.board().board()] = doc.board().spec();
    };
    if (m.has_snapshot())
      for (const pb::Doc& doc : m.snapshot().docs()) put(doc);
    if (m.has_delta())
      for (const pb::Patch& p : m.delta().patches())
        if (p.has_put()) put(p.put());
  }
};

// Sends the desk's command and runs until its reply; true if acknowledged.
bool Ask(asio::io_context& io, Facilitator& desk, Staff& staff,
         pb::Command command) {
  const uint64_t id = desk.Command(std::move(command));
  RunUntil(
      io, [&] { return staff.replies.count(id) > 0; },
      std::chrono::seconds(30));
  return staff.replies.count(id) > 0 && staff.replies[id];
}

// One run's figures, before the summaries over runs.
struct Run {
  std::vector<double> note_acks, dot_acks;
  uint32_t refused = 0;
  double note_devices = 0, note_projector = 0, note_facilitator = 0;
  double dot_devices = 0, dot_projector = 0, dot_facilitator = 0;
  double move_per_device = 0, move_projector = 0, move_last_ms = 0;
  double load = 0;
  uint32_t groups = 0;
  int agenda_index = -1;
};

double PerChange(uint64_t bytes, size_t changes) {
  return changes == 0
             ? 0
             : static_cast<double>(bytes) / static_cast<double>(changes);
}

Run OneRun(const Config& cfg, uint32_t n, BoardKind kind, int attempt) {
  Run run;
  const bool live = kind == BoardKind::kLiveForRoom;
  Campana c = StartCampana(cfg, live ? "board-live" : "board-private");
  asio::io_context io(1);
  Facilitator desk(io, c.endpoint, c.code, c.key);
  Facilitator screen(io, c.endpoint, c.code, "", c.projector_key);
  Staff staff, projector;
  desk.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
    staff.Take(m, at);
  };
  screen.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
    projector.Take(m, at);
  };
  RunUntil(
      io, [&] { return desk.open() && screen.open(); },
      std::chrono::seconds(10));
  RunUntil(
      io, [&] { return !staff.board_items.empty(); }, std::chrono::seconds(10));

  // The template's first board item of the kind wanted: each board item is set
  // up when the agenda reaches it, and its spec says what it is.
  for (int index : staff.board_items) {
    pb::Command go;
    go.mutable_goto_agenda_item()->set_index(index);
    Ask(io, desk, staff, go);
    RunUntil(
        io, [&] { return staff.boards.count(index) > 0; },
        std::chrono::seconds(5));
    auto it = staff.boards.find(index);
    if (it != staff.boards.end() && it->second.one_board_for_room() == live &&
        it->second.notes_live() == live) {
      run.agenda_index = index;
      break;
    }
  }
  if (run.agenda_index < 0) {
    std::fprintf(
        stderr, "  board storm: the template (%s) has no %s board item\n",
        cfg.demo.c_str(), live ? "room-wide, live" : "per-group, private");
    return run;
  }
  const pb::BoardSpec spec = staff.boards[run.agenda_index];
  const uint32_t columns = std::max(1, spec.columns_size());
  const uint32_t rows = std::max(1, spec.rows_size());

  Clock::time_point last = Clock::now();
  auto fleet = JoinFleet(io, cfg, c, n, last);
  pb::Command groups;
  groups.mutable_setup_groups()->set_mode(pb::SetupGroups::MODE_BY_SIZE);
  groups.mutable_setup_groups()->set_size(kGroupSize);
  Ask(io, desk, staff, groups);
  run.groups = (n + kGroupSize - 1) / kGroupSize;
  Quiesce(io, last, std::chrono::milliseconds(500));

  // What each bot receives: bytes, and the notes it may see (to vote on).
  uint64_t device_bytes = 0;
  Clock::time_point last_delta;
  std::vector<std::vector<uint32_t>> visible(n);
  bool collecting = true;
  fleet->on_message = [&](uint32_t bot, const pb::ServerMessage& m,
                          Clock::time_point at) {
    last = at;
    device_bytes += m.ByteSizeLong();
    if (!m.has_delta()) return;
    last_delta = at;
    if (!collecting) return;
    for (const pb::Patch& p : m.delta().patches())
      if (p.has_put() && p.put().has_board_note() &&
          !p.put().board_note().hidden())
        visible[bot].push_back(p.put().board_note().id());
  };
  std::vector<double>* acks = &run.note_acks;
  size_t replied = 0;
  fleet->on_reply = [&](uint32_t, const pb::ServerMessage& m,
                        Clock::duration d) {
    ++replied;
    if (m.has_ack()) {
      acks->push_back(Ms(d));
    } else if (++run.refused <= 3) {
      std::fprintf(stderr, "  board storm: refused: %s\n",
                   m.rejection().message().c_str());
    }
  };
  // The notes: kNotesEach per bot at moments of their own within the window.
  std::mt19937 rng(static_cast<uint32_t>(attempt + 1));
  auto moments = Moments(n, kNotesEach, Clock::now(), kNoteWindow, rng);
  std::vector<uint32_t> written(n, 0);
  uint64_t devices_before = device_bytes;
  uint64_t desk_before = staff.bytes;
  uint64_t screen_before = projector.bytes;
  Paced(io, moments, [&](uint32_t bot) {
    pb::Command note;
    auto* add = note.mutable_add_note();
    add->set_board(run.agenda_index);
    add->set_column(rng() % columns);
    add->set_row(rng() % rows);
    add->set_text("Nota " + std::to_string(++written[bot]) + " de Bot " +
                  std::to_string(bot + 1) +
                  ": una idea de unas pocas palabras para el tablero");
    fleet->Send(bot, note);
  });
  RunUntil(
      io, [&] { return replied >= moments.size(); }, kReplyTimeout);
  Quiesce(io, last, std::chrono::milliseconds(300));
  const size_t notes = run.note_acks.size();
  run.note_devices = PerChange(device_bytes - devices_before, notes);
  run.note_facilitator = PerChange(staff.bytes - desk_before, notes);
  run.note_projector = PerChange(projector.bytes - screen_before, notes);

  // The move to the vote (the private board's notes reach its group then).
  devices_before = device_bytes;
  screen_before = projector.bytes;
  pb::Command vote;
  vote.mutable_set_board_phase()->set_board(run.agenda_index);
  vote.mutable_set_board_phase()->set_phase(pb::BOARD_PHASE_VOTE);
  const auto moved = Clock::now();
  if (!Ask(io, desk, staff, vote))
    std::fprintf(stderr, "  board storm: the move to the vote was refused\n");
  Quiesce(io, last, std::chrono::milliseconds(500));
  run.move_per_device = static_cast<double>(device_bytes - devices_before) /
                        static_cast<double>(n);
  run.move_projector = static_cast<double>(projector.bytes - screen_before);
  run.move_last_ms = last_delta > moved ? Ms(last_delta - moved) : 0;

  // The dots: kDotsEach per bot, each on another note of its board.
  std::vector<std::vector<uint32_t>> targets(n);
  for (uint32_t i = 0; i < n; ++i) {
    auto& v = visible[i];
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    std::shuffle(v.begin(), v.end(), rng);
    targets[i].assign(v.begin(),
                      v.begin() + std::min<size_t>(kDotsEach, v.size()));
  }
  collecting = false;
  acks = &run.dot_acks;
  replied = 0;
  moments.clear();
  const auto t0 = Clock::now();
  std::uniform_int_distribution<int64_t> within(
      0, std::chrono::duration_cast<std::chrono::microseconds>(kDotWindow)
                 .count() -
             1);
  for (uint32_t i = 0; i < n; ++i)
    for (size_t k = 0; k < targets[i].size(); ++k)
      moments.emplace_back(t0 + std::chrono::microseconds(within(rng)), i);
  if (moments.size() < static_cast<size_t>(n) * kDotsEach)
    std::fprintf(stderr, "  board storm: only %zu dots to cast\n",
                 moments.size());
  devices_before = device_bytes;
  desk_before = staff.bytes;
  screen_before = projector.bytes;
  std::vector<uint32_t> cast(n, 0);
  Paced(io, moments, [&](uint32_t bot) {
    pb::Command dot;
    dot.mutable_cast_dot()->set_note_id(targets[bot][cast[bot]++]);
    fleet->Send(bot, dot);
  });
  RunUntil(
      io, [&] { return replied >= moments.size(); }, kReplyTimeout);
  Quiesce(io, last, std::chrono::milliseconds(300));
  const size_t dots = run.dot_acks.size();
  run.dot_devices = PerChange(device_bytes - devices_before, dots);
  run.dot_facilitator = PerChange(staff.bytes - desk_before, dots);
  run.dot_projector = PerChange(projector.bytes - screen_before, dots);
  if (notes < static_cast<size_t>(n) * kNotesEach || dots < moments.size())
    std::fprintf(stderr, "  board storm: %zu notes, %zu dots acknowledged\n",
                 notes, dots);
  run.load = LoadAverage();
  fleet->Stop();
  desk.Close();
  screen.Close();
  io.poll();
  return run;
}

}  // namespace

BoardStormResult BoardStorm(const Config& cfg, uint32_t n, BoardKind kind) {
  BoardStormResult r;
  r.board = kind == BoardKind::kLiveForRoom ? "live" : "private";
  r.n = n;
  std::vector<double> notes, dots, np50, np99, nmax, dp50, dp99, dmax;
  std::vector<double> nbd, nbp, nbf, dbd, dbp, dbf, mpd, mp, ml, load;
  for (int attempt = 0; attempt < (cfg.quick ? 1 : 3); ++attempt) {
    const Run run = OneRun(cfg, n, kind, attempt);
    if (run.agenda_index < 0) return r;
    r.agenda_index = run.agenda_index;
    r.groups = run.groups;
    r.refused = std::max(r.refused, run.refused);
    notes.push_back(static_cast<double>(run.note_acks.size()));
    dots.push_back(static_cast<double>(run.dot_acks.size()));
    np50.push_back(Percentile(run.note_acks, 0.5));
    np99.push_back(Percentile(run.note_acks, 0.99));
    nmax.push_back(Percentile(run.note_acks, 1.0));
    dp50.push_back(Percentile(run.dot_acks, 0.5));
    dp99.push_back(Percentile(run.dot_acks, 0.99));
    dmax.push_back(Percentile(run.dot_acks, 1.0));
    nbd.push_back(run.note_devices);
    nbp.push_back(run.note_projector);
    nbf.push_back(run.note_facilitator);
    dbd.push_back(run.dot_devices);
    dbp.push_back(run.dot_projector);
    dbf.push_back(run.dot_facilitator);
    mpd.push_back(run.move_per_device);
    mp.push_back(run.move_projector);
    ml.push_back(run.move_last_ms);
    load.push_back(run.load);
  }
  r.notes = Summarize(notes);
  r.dots = Summarize(dots);
  r.note_ack_p50 = Summarize(np50);
  r.note_ack_p99 = Summarize(np99);
  r.note_ack_max = Summarize(nmax);
  r.dot_ack_p50 = Summarize(dp50);
  r.dot_ack_p99 = Summarize(dp99);
  r.dot_ack_max = Summarize(dmax);
  r.note_bytes_devices = Summarize(nbd);
  r.note_bytes_projector = Summarize(nbp);
  r.note_bytes_facilitator = Summarize(nbf);
  r.dot_bytes_devices = Summarize(dbd);
  r.dot_bytes_projector = Summarize(dbp);
  r.dot_bytes_facilitator = Summarize(dbf);
  r.vote_move_bytes_per_device = Summarize(mpd);
  r.vote_move_bytes_projector = Summarize(mp);
  r.vote_move_last_ms = Summarize(ml);
  r.load = Summarize(load);
  return r;
}

}  // namespace campana::bench
