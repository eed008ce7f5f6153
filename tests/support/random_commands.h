#ifndef CAMPANA_TESTS_SUPPORT_RANDOM_COMMANDS_H_
#define CAMPANA_TESTS_SUPPORT_RANDOM_COMMANDS_H_

// Random commands from random actors, valid and not, for property tests:
// whatever the sequence, replaying the log must rebuild the same state, and
// every device's view must match a fresh snapshot.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "domain/commands.h"
#include "domain/random.h"
#include "domain/state.h"

namespace campana::testing {

using namespace campana::domain;  // NOLINT: test helper

class RandomCommands {
 public:
  explicit RandomCommands(uint64_t seed) : rng_(seed) {}

  // An actor and a command that may or may not be accepted in `state`.
  std::pair<Actor, Command> Next(const WorkshopState& state) {
    const ParticipantId someone = AnyParticipant(state);
    const Actor facilitator = Actor::Facilitator();
    const Actor participant = Actor::Participant(someone);
    const uint32_t groups = state.groups.count();
    // While a board is on, a third of the commands are what its phase invites.
    if (const Board* board = state.board.FindBoard(state.agenda_current);
        board != nullptr && rng_.Below(3) == 0)
      return BoardMove(state, *board, participant, facilitator);
    // While the cards are being sorted, a fifth of the commands move one (the
    // plans' and the boards' share of the commands left card moves rare).
    if (const CardSortState& sort = state.card_sort;
        sort.active() && sort.started && !sort.revealed && rng_.Below(5) == 0)
      return {participant, cmd::MoveCard{AnyCard(state), rng_.Below(5)}};
    // While an action plan is on, a third of the commands edit a plan.
    if (state.action_plan.items.contains(state.agenda_current) &&
        rng_.Below(3) == 0)
      return PlanMove(state, participant, facilitator);
    switch (rng_.Below(52)) {
      case 0:
      case 1:
      case 2:
        // Now and then a new device comes back as someone with their code.
        if (rng_.Below(6) == 0 && !state.participants.empty()) {
          const Participant& p = state.participants.begin()->second;
          return {Actor::Participant(0),
                  cmd::Join{"", Presence::kInRoom,
                            "device-" + std::to_string(rng_.Below(400)),
                            p.personal_code}};
        }
        return {Actor::Participant(0),
                cmd::Join{
                    Name(),
                    rng_.Below(4) == 0 ? Presence::kRemote : Presence::kInRoom,
                    "device-" + std::to_string(rng_.Below(400))}};
      case 3:
        return {rng_.Below(2) ? facilitator : participant,
                cmd::RenameParticipant{rng_.Below(2) ? 0 : someone, Name()}};
      case 4:
        if (rng_.Below(4) == 0 && !state.bans.empty())
          return {facilitator, cmd::AllowBack{state.bans.begin()->first}};
        if (rng_.Below(3) == 0) {
          // Access: the projector's secret, or facilitators' links.
          switch (rng_.Below(6)) {
            case 4:
              return {Actor::System(),
                      cmd::CountConsoles{rng_.Below(3), rng_.Below(3)}};
            case 5:
              return {facilitator, cmd::ResetPersonalCode{someone}};
            case 0:
            case 1:
              // A link made so far is revoked as often as one is made.
              if (!state.facilitator_links.empty() && rng_.Below(2) == 0) {
                return {facilitator,
                        cmd::RevokeFacilitator{
                            1 + rng_.Below(state.next_facilitator_link - 1)}};
              }
              return {facilitator, cmd::InviteFacilitator{Name()}};
            default:
              return {facilitator, cmd::RotateProjectorKey{}};
          }
        }
        return {facilitator,
                cmd::RemoveParticipant{someone, rng_.Below(3) == 0}};
      case 5:
        return {participant,
                cmd::SetPresence{
                    0, rng_.Below(2) ? Presence::kRemote : Presence::kInRoom}};
      case 6:
        // Rarely the organizer closes the workshop: the rest of the run goes
        // on without newcomers.
        if (state.offset > 150 && rng_.Below(30) == 0)
          return {Actor::System(), cmd::CloseWorkshop{}};
        return {Actor::System(),
                cmd::SetConnected{someone, rng_.Below(2) == 0}};
      case 7:
        return {
            facilitator,
            cmd::SetupGroups{static_cast<cmd::GroupMode>(1 + rng_.Below(4)),
                             rng_.Below(6), rng_.Below(5), rng_.Below(2) == 0}};
      case 8:
        return {facilitator,
                cmd::MoveParticipant{someone, rng_.Below(groups + 2)}};
      case 9:
        return {participant, cmd::ChooseGroup{rng_.Below(groups + 2)}};
      case 10:
        return {facilitator, cmd::SetGroupChoice{rng_.Below(2) == 0}};
      case 11: {
        cmd::DefineTeams teams;
        for (uint32_t g = 1; g <= groups; ++g) {
          if (rng_.Below(3) == 0) continue;
          const size_t team = rng_.Below(2);
          if (teams.teams.size() <= team)
            teams.teams.resize(team + 1,
                               TeamSpec{"T" + std::to_string(team), {}});
          teams.teams[team].groups.push_back(g);
        }
        return {facilitator, std::move(teams)};
      }
      case 12:
        return {
            facilitator,
            cmd::CreateTimer{"timer", std::chrono::seconds(1 + rng_.Below(300)),
                             AnyScope(state)}};
      case 13:
        return {facilitator, cmd::StartTimer{AnyTimer(state)}};
      case 14:
        return {facilitator, cmd::PauseTimer{AnyTimer(state)}};
      case 15:
        return {facilitator,
                cmd::AddTime{AnyTimer(state),
                             std::chrono::seconds(
                                 static_cast<int>(rng_.Below(120)) - 60)}};
      case 16:
        return {facilitator, rng_.Below(2)
                                 ? Command(cmd::ResetTimer{AnyTimer(state)})
                                 : Command(cmd::DeleteTimer{AnyTimer(state)})};
      case 17:
        return {facilitator, cmd::RingBell{AnyScope(state)}};
      case 18:
        return {Actor::System(), cmd::Tick{}};
      case 19:
        return {facilitator,
                cmd::GotoAgendaItem{
                    static_cast<int>(rng_.Below(
                        static_cast<uint32_t>(state.agenda.size() + 1))) -
                    1}};
      case 20:
        return {participant, cmd::SubmitAnswer{static_cast<int>(rng_.Below(3)),
                                               "respuesta " + Name()}};
      case 21:
        return {facilitator,
                cmd::ShowAnswers{static_cast<int>(rng_.Below(3)),
                                 rng_.Below(3) != 0, rng_.Below(2) == 0}};
      case 22:
        return {facilitator, rng_.Below(2) ? Command(cmd::StartRaceStrategy{})
                                           : Command(cmd::OpenRaceWindow{})};
      case 23:
        return {facilitator, cmd::NameCaptain{rng_.Below(3), someone}};
      case 24:
      case 25:
      case 30:
      case 48: {
        // Captains and facilitators, on their team or another.
        const bool captain = rng_.Below(2) == 0;
        const Actor who = captain ? participant : facilitator;
        // Mostly a facilitator stopping a team whose run is on, as a race
        // goes; the rest at random, mostly refused.
        for (const auto& [id, race_team] : state.race.teams) {
          if (race_team.running && rng_.Below(2) == 0)
            return {facilitator, cmd::StopRun{id}};
        }
        const TeamId team = captain ? rng_.Below(3) : 1 + rng_.Below(2);
        switch (rng_.Below(3)) {
          case 0:
            return {who, cmd::StartRun{team}};
          case 1:
            return {who, cmd::StopRun{team}};
          default:
            return {who, cmd::VoidRun{team}};
        }
      }
      case 26:
        return {facilitator, rng_.Below(4) ? Command(cmd::StartCardSort{})
                                           : Command(cmd::FinishRace{})};
      case 27:
      case 28:
        return {participant, cmd::MoveCard{AnyCard(state), rng_.Below(5)}};
      case 29:
        return {rng_.Below(3) ? participant : facilitator,
                rng_.Below(2) ? Command(cmd::LockCards{})
                              : Command(cmd::RevealCards{})};
      case 31:
      case 32:
        switch (rng_.Below(5)) {
          case 0:
            return {facilitator, cmd::StartDatingRound{}};
          case 1:
            return {facilitator, cmd::StartSharing{}};
          case 2:
            return {facilitator, cmd::SwapSpeakers{}};
          case 3:
            return {facilitator, cmd::EndDate{}};
          default:
            return {facilitator, cmd::PairLateJoiners{}};
        }
      case 33:
      case 44: {  // twice: the dating item is one of many
        if (rng_.Below(2)) return {participant, cmd::ChooseFirstSpeaker{}};
        // Mostly someone who had a date in the current round, about that
        // round: a note needs a date (random people and rounds made about
        // one note per run, and the share below that needs one was rare).
        ParticipantId writer = someone;
        uint32_t round = 1 + rng_.Below(3);
        if (const DatingRound* current = state.dating.current();
            current != nullptr && !current->units.empty() &&
            rng_.Below(4) != 0) {
          const DatingUnit& unit = current->units[rng_.Below(
              static_cast<uint32_t>(current->units.size()))];
          if (!unit.members.empty())
            writer = unit.members[rng_.Below(
                static_cast<uint32_t>(unit.members.size()))];
          round = current->number;
        }
        // Someone with notes shares (or unshares) them half the time; round
        // 0: all of them.
        const bool has_notes = std::any_of(
            state.dating.notes.begin(), state.dating.notes.end(),
            [&](const auto& note) { return note.first.first == writer; });
        if (has_notes && rng_.Below(2)) {
          return {Actor::Participant(writer),
                  cmd::ShareNotes{rng_.Below(3), rng_.Below(3) != 0}};
        }
        return {Actor::Participant(writer),
                cmd::SaveNote{round, "notas " + Name()}};
      }
      case 35: {
        const uint32_t question = AnyQuestion(state);
        switch (rng_.Below(4)) {
          case 0:
            return {facilitator, cmd::AskQuestion{"¿Qué " + Name() + "?"}};
          case 1:
            return {facilitator, cmd::CloseQuestion{question}};
          default:
            return {facilitator,
                    cmd::ShowQuestionAnswers{question, rng_.Below(3) != 0,
                                             rng_.Below(2) == 0}};
        }
      }
      case 36:
        if (state.live_question.questions.empty())
          return {facilitator, cmd::AskQuestion{"¿Qué " + Name() + "?"}};
        return {participant,
                cmd::AnswerQuestion{AnyQuestion(state), "idea " + Name()}};
      case 37:  // including one past the last scene: refused
        return {facilitator, cmd::ShowScene{static_cast<Scene>(rng_.Below(
                                 static_cast<uint32_t>(kLastScene) + 2))}};
      case 38:  // the facilitators' board commands: phases half the time
      case 45:
        switch (rng_.Below(6)) {
          case 0:
          case 1:
          case 4: {
            // Mostly the next phase (as a facilitator runs it), sometimes
            // any, including none and one past the last: refused.
            const int board = AnyBoard(state);
            const Board* b = state.board.FindBoard(board);
            if (b != nullptr && rng_.Below(4) != 0) {
              return {facilitator, cmd::SetBoardPhase{board, NextPhase(*b)}};
            }
            return {
                facilitator,
                cmd::SetBoardPhase{
                    board, static_cast<BoardPhase>(rng_.Below(
                               static_cast<uint32_t>(kLastBoardPhase) + 2))}};
          }
          case 2:
            return {facilitator,
                    cmd::HideNote{AnyNote(state), rng_.Below(3) != 0}};
          case 3:
            return {facilitator,
                    cmd::ProjectBoard{AnyBoard(state), rng_.Below(groups + 2)}};
          default:
            return {facilitator,
                    cmd::EditNote{AnyNote(state), "moderada " + Name()}};
        }
      case 39:
      case 41:
      case 42: {  // writing, grouping and linking, by either role
        const Actor who = rng_.Below(4) == 0 ? facilitator : participant;
        switch (rng_.Below(7)) {
          case 0:
          case 1:
            return {
                participant,
                cmd::AddNote{
                    state.board.boards.contains(state.agenda_current) &&
                            rng_.Below(4) != 0
                        ? state.agenda_current
                        : AnyBoard(state),
                    rng_.Below(rng_.Below(8) == 0 ? 3 : 2),
                    rng_.Below(rng_.Below(8) == 0 ? 3 : 2), "nota " + Name()}};
          case 2:
            return {participant,
                    rng_.Below(2) ? Command(cmd::EditNote{AnyNote(state),
                                                          "otra " + Name()})
                                  : Command(cmd::DeleteNote{AnyNote(state)})};
          case 3: {
            const NoteId note = AnyNote(state);
            return {who, cmd::GroupNote{note, rng_.Below(4) == 0
                                                  ? 0
                                                  : NoteNextTo(state, note)}};
          }
          case 4:
            return {who, cmd::NameCluster{AnyCluster(state), Name()}};
          case 5: {
            const NoteId note = AnyNote(state);
            return {who, cmd::LinkNotes{note, NoteNextTo(state, note),
                                        rng_.Below(4) != 0}};
          }
          default:
            return {who, cmd::LinkGoal{AnyNote(state),
                                       rng_.Below(rng_.Below(8) == 0 ? 4 : 2),
                                       rng_.Below(4) != 0}};
        }
      }
      case 46:  // the facilitators' poll commands, and the clock
        return PollControl(state, facilitator);
      case 47: {  // an answer, mostly to the question being asked
        const Poll* poll = AnyPoll(state);
        if (poll == nullptr)
          return {facilitator, cmd::AskPoll{AnySpec(), rng_.Below(2) == 0}};
        const uint32_t question = !poll->spec.self_paced && rng_.Below(4) != 0
                                      ? poll->current
                                      : rng_.Below(static_cast<uint32_t>(
                                            poll->spec.questions.size() + 1));
        return {participant,
                cmd::AnswerPoll{poll->id, question,
                                AnyAnswer(question < poll->spec.questions.size()
                                              ? poll->spec.questions[question]
                                              : AnySpec())}};
      }
      case 51: {
        // Editing the agenda, at any place including those reached and one
        // past either end (refused). Only presentation steps are removed (the
        // runs added them), so that the runs still reach every activity.
        const auto size = static_cast<uint32_t>(state.agenda.size());
        const int any = static_cast<int>(rng_.Below(size + 2)) - 1;
        const int place = static_cast<int>(rng_.Below(size + 1));
        const Millis length = std::chrono::seconds(rng_.Below(3600));
        const bool plain = any < 0 || any >= static_cast<int>(size) ||
                           state.agenda[static_cast<size_t>(any)].activity ==
                               ActivityKind::kPresentation;
        switch (rng_.Below(8)) {
          case 0:
          case 1:
            return {facilitator,
                    cmd::EditAgendaItem{any, "Paso " + Name(), length}};
          case 2:
          case 3:
            return {facilitator, cmd::MoveAgendaItem{any, place}};
          case 4:
            if (plain) return {facilitator, cmd::RemoveAgendaItem{any}};
            [[fallthrough]];
          default:
            return {rng_.Below(6) ? facilitator : participant,
                    cmd::AddAgendaItem{place, "Pausa " + Name(), length}};
        }
      }
      case 49:  // action plans, by members, others and facilitators
      case 50:
        return PlanMove(state, participant, facilitator);
      case 40:
      case 43: {
        // Mostly a dot back from a note that has one of theirs.
        auto mine = state.board.dots.lower_bound({someone, 0});
        if (mine != state.board.dots.end() && mine->first.first == someone &&
            rng_.Below(3) == 0)
          return {participant, cmd::WithdrawDot{mine->first.second}};
        return {participant, rng_.Below(4) != 0
                                 ? Command(cmd::CastDot{AnyNote(state)})
                                 : Command(cmd::WithdrawDot{AnyNote(state)})};
      }
      default:
        return {facilitator,
                cmd::SetDatingOptions{
                    rng_.Below(2) ? "" : "https://meet.example.org/{pair}",
                    rng_.Below(2) == 0,
                    rng_.Below(2) == 0
                        ? std::optional<DatingTables>(DatingTables{3, {}})
                        : std::nullopt}};
    }
  }

  // How far the clock moves before the next command.
  Millis Step() { return Millis(rng_.Below(20'000)); }

  uint32_t Below(uint32_t n) { return rng_.Below(n); }

 private:
  std::string Name() {
    static const char* kNames[] = {"Ana",     "Beto",   "Carla", "Diego",
                                   "Elena",   "Fabián", "",      "José María",
                                   "  Luz  ", "\u200b"};
    const uint32_t pick = rng_.Below(10);
    std::string name = kNames[pick];
    // Names must not repeat in a workshop: most get a number, so that runs
    // are not all refusals; the empty and invisible ones stay invalid.
    if (pick != 6 && pick != 9 && rng_.Below(4) != 0)
      name += " " + std::to_string(rng_.Below(100));
    return name;
  }
  // Mostly the newest poll; sometimes none.
  const Poll* AnyPoll(const WorkshopState& state) {
    const auto& polls = state.poll.polls;
    if (polls.empty() || rng_.Below(10) == 0) return nullptr;
    if (rng_.Below(2) == 0) return &polls.rbegin()->second;
    auto it = polls.begin();
    std::advance(it, rng_.Below(static_cast<uint32_t>(polls.size())));
    return &it->second;
  }
  // A question of every type, now and then one the domain refuses.
  PollQuestionSpec AnySpec() {
    PollQuestionSpec q{.type = static_cast<PollQuestionType>(1 + rng_.Below(7)),
                       .prompt = "¿Qué " + Name() + "?"};
    switch (q.type) {
      case PollQuestionType::kSingle:
      case PollQuestionType::kMultiple:
        q.options = {"Experimental", "Colaborativa", "Abierta"};
        q.allow_other = rng_.Below(2) == 0;
        q.max_choices = rng_.Below(4);
        if (rng_.Below(2)) q.why_prompt = "¿Por qué?";
        break;
      case PollQuestionType::kScale:
        q.scale_max =
            2 + static_cast<int32_t>(rng_.Below(rng_.Below(8) ? 9 : 40));
        break;
      case PollQuestionType::kLikert:
        q.options = {"No", "Neutral", "Sí"};
        q.statements = {"Aprendí", "Lo usaré"};
        break;
      case PollQuestionType::kRecommend:
        q.why_prompt = "¿Por qué?";
        break;
      case PollQuestionType::kWords:
        q.max_words = 1 + rng_.Below(rng_.Below(8) ? 3 : 7);
        break;
      case PollQuestionType::kOpen:
        break;
    }
    return q;
  }
  // An answer that fits `q` most of the time.
  PollAnswerValue AnyAnswer(const PollQuestionSpec& q) {
    static const char* kWords[] = {"confianza", "Ágil", "ágil",
                                   "tonto",     "",     "escuchar"};
    PollAnswerValue v;
    const auto options = static_cast<uint32_t>(q.options.size());
    switch (q.type) {
      case PollQuestionType::kSingle:
      case PollQuestionType::kMultiple:
        v.choices.push_back(rng_.Below(options + (q.allow_other ? 1 : 0) + 1));
        if (q.type == PollQuestionType::kMultiple && rng_.Below(2))
          v.choices.push_back(rng_.Below(options + 1));
        if (!v.choices.empty() && v.choices.back() == options)
          v.text = "otra " + Name();
        if (!q.why_prompt.empty() && rng_.Below(2)) v.why = "porque " + Name();
        break;
      case PollQuestionType::kScale:
      case PollQuestionType::kRecommend:
        v.number = static_cast<int32_t>(rng_.Below(12)) - 1;
        if (!q.why_prompt.empty() && rng_.Below(2)) v.why = "porque " + Name();
        break;
      case PollQuestionType::kLikert:
        for (size_t i = 0; i < q.statements.size() + (rng_.Below(8) == 0); ++i)
          v.choices.push_back(rng_.Below(options + (rng_.Below(8) == 0)));
        break;
      case PollQuestionType::kOpen:
        v.text = "idea " + Name();
        break;
      case PollQuestionType::kWords:
        for (uint32_t i = 0, n = 1 + rng_.Below(3); i < n; ++i)
          v.words.push_back(kWords[rng_.Below(6)]);
        break;
    }
    return v;
  }
  std::pair<Actor, Command> PollControl(const WorkshopState& state,
                                        const Actor& facilitator) {
    const Poll* poll = AnyPoll(state);
    const PollId id = poll == nullptr ? rng_.Below(3) : poll->id;
    const uint32_t questions =
        poll == nullptr ? 1
                        : static_cast<uint32_t>(poll->spec.questions.size());
    const uint32_t question = rng_.Below(questions + (rng_.Below(8) == 0));
    switch (rng_.Below(9)) {
      case 0:
        return {facilitator, cmd::AskPoll{AnySpec(), rng_.Below(2) == 0,
                                          rng_.Below(3) == 0}};
      case 1:
        return {facilitator, cmd::SetPollOpen{id, rng_.Below(3) == 0}};
      case 2:
        return {facilitator, cmd::ShowPollQuestion{id, question}};
      case 3:
        return {facilitator, cmd::RevealPoll{id, question, rng_.Below(4) != 0}};
      case 4:
        return {facilitator, cmd::EditPollQuestion{id, question, AnySpec()}};
      case 5:
        return {
            facilitator,
            cmd::HidePollText{state.poll.texts.empty() || rng_.Below(8) == 0
                                  ? rng_.Below(3)
                                  : std::next(state.poll.texts.begin(),
                                              rng_.Below(static_cast<uint32_t>(
                                                  state.poll.texts.size())))
                                        ->first,
                              rng_.Below(3) != 0}};
      case 6: {
        // Mostly a word cloud's question: any other is refused.
        uint32_t cloud = question;
        for (uint32_t q = 0; poll != nullptr && q < questions; ++q)
          if (poll->spec.questions[q].type == PollQuestionType::kWords &&
              rng_.Below(4) != 0)
            cloud = q;
        return {facilitator,
                cmd::HidePollWord{id, cloud, rng_.Below(2) ? "tonto" : "ágil",
                                  rng_.Below(3) != 0}};
      }
      default:  // the clock publishes what answers changed
        return {Actor::System(), cmd::Tick{}};
    }
  }
  // An action plan command: mostly on an item's plan of the actor's own group
  // (a facilitator's: any group's), on the versions the device last saw; now
  // and then another group's plan, an older version, a bad date, a row that
  // is gone: refused.
  std::pair<Actor, Command> PlanMove(const WorkshopState& state,
                                     const Actor& participant,
                                     const Actor& facilitator) {
    const bool as_facilitator = rng_.Below(4) == 0;
    Actor who = as_facilitator ? facilitator : participant;
    const auto& items = state.action_plan.items;
    const int item =
        items.empty() || rng_.Below(10) == 0
            ? static_cast<int>(rng_.Below(3)) - 1
            : std::next(items.begin(),
                        rng_.Below(static_cast<uint32_t>(items.size())))
                  ->first;
    GroupNumber group = rng_.Below(state.groups.count() + 2);
    if (!as_facilitator && rng_.Below(6) != 0) {
      // Mostly a member of a group, on that group's plan.
      std::vector<const Participant*> members;
      for (const auto& [id, p] : state.participants)
        if (p.group != 0) members.push_back(&p);
      if (!members.empty()) {
        const Participant* p =
            members[rng_.Below(static_cast<uint32_t>(members.size()))];
        who = Actor::Participant(p->id);
        group = p->group;
      }
    }
    const ActionPlan* plan = state.action_plan.Find(item, group);
    const uint32_t rows =
        plan == nullptr ? 0 : static_cast<uint32_t>(plan->rows.size());
    PlanRowId row = rng_.Below(3);
    uint32_t row_version = 0;
    if (rows > 0 && rng_.Below(8) != 0) {
      const PlanRow& r = plan->rows[rng_.Below(rows)];
      row = r.id;
      row_version = r.version();
    }
    // Mostly the version the device saw last; now and then an older one.
    auto base = [&](uint32_t current) {
      return current == 0 || rng_.Below(4) != 0 ? current : current - 1;
    };
    switch (rng_.Below(9)) {
      case 0:
      case 1:
      case 2: {
        const auto field = static_cast<PlanField>(
            rng_.Below(10) == 0 ? rng_.Below(9) : 1 + rng_.Below(6));
        const PlanRow* r = plan == nullptr ? nullptr : plan->FindRow(row);
        const uint32_t current =
            r != nullptr && IsPlanColumn(field) ? r->at(field).version : 0;
        return {who, cmd::EditPlanField{item, group, row, field,
                                        PlanFieldText(field), base(current)}};
      }
      case 3:
        return {who,
                cmd::SetPlanObjective{
                    item, group, rng_.Below(6) == 0 ? "" : "objetivo " + Name(),
                    base(plan == nullptr ? 0 : plan->objective.version)}};
      case 4:
      case 5:
        return {who,
                cmd::AddPlanRow{item, group, rng_.Below(3) == 0 ? row : 0}};
      case 6:
        return {who, cmd::MovePlanRow{item, group, row, rng_.Below(rows + 1)}};
      case 7:
        return {who, cmd::RemovePlanRow{item, group, row, base(row_version)}};
      default: {
        if (rng_.Below(4) == 0) return {Actor::System(), cmd::Tick{}};
        if (rng_.Below(5) == 0)
          return {Actor::Facilitator(), cmd::ShowPlan{item, rng_.Below(4)}};
        const auto field = static_cast<PlanField>(rng_.Below(9));
        return {who, cmd::MarkPlanEditing{
                         item, group, field == PlanField::kObjective ? 0 : row,
                         field}};
      }
    }
  }
  // A field's text: now and then empty (cleared); dates, good and bad.
  std::string PlanFieldText(PlanField field) {
    if (rng_.Below(8) == 0) return "";
    if (field == PlanField::kDueDate) {
      static const char* kDates[] = {"2026-03-31", "2027-01-15", "2026-02-30",
                                     "31/03/2026"};
      return kDates[rng_.Below(4)];
    }
    return "texto " + Name();
  }
  ParticipantId AnyParticipant(const WorkshopState& state) {
    if (state.participants.empty() || rng_.Below(10) == 0) return rng_.Below(3);
    auto it = state.participants.begin();
    std::advance(it,
                 rng_.Below(static_cast<uint32_t>(state.participants.size())));
    return it->first;
  }
  uint32_t AnyQuestion(const WorkshopState& state) {
    const auto& questions = state.live_question.questions;
    if (questions.empty() || rng_.Below(10) == 0) return rng_.Below(3);
    // Mostly the newest: the one that is open.
    if (rng_.Below(3) != 0) return questions.rbegin()->first;
    auto it = questions.begin();
    std::advance(it, rng_.Below(static_cast<uint32_t>(questions.size())));
    return it->first;
  }
  int AnyBoard(const WorkshopState& state) {
    const auto& boards = state.board.boards;
    if (boards.empty() || rng_.Below(10) == 0)
      return static_cast<int>(rng_.Below(3)) - 1;
    // Mostly the one on now.
    if (boards.contains(state.agenda_current) && rng_.Below(2) == 0)
      return state.agenda_current;
    auto it = boards.begin();
    std::advance(it, rng_.Below(static_cast<uint32_t>(boards.size())));
    return it->first;
  }
  NoteId AnyNote(const WorkshopState& state) {
    const auto& notes = state.board.notes;
    if (notes.empty() || rng_.Below(10) == 0) return rng_.Below(3);
    auto it = notes.begin();
    std::advance(it, rng_.Below(static_cast<uint32_t>(notes.size())));
    return it->first;
  }
  std::pair<Actor, Command> BoardMove(const WorkshopState& state,
                                      const Board& board,
                                      const Actor& participant,
                                      const Actor& facilitator) {
    const Actor who = rng_.Below(5) == 0 ? facilitator : participant;
    const NoteId note = AnyNote(state);
    switch (board.phase) {
      case BoardPhase::kWrite:
        if (rng_.Below(4) == 0)
          return {participant,
                  cmd::LinkNotes{note, NoteNextTo(state, note), true}};
        return {participant, cmd::AddNote{board.index, rng_.Below(2),
                                          rng_.Below(2), "nota " + Name()}};
      case BoardPhase::kGroup:
        switch (rng_.Below(4)) {
          case 0:
            return {who, cmd::NameCluster{AnyCluster(state), Name()}};
          case 1:
            return {who, cmd::LinkNotes{note, NoteNextTo(state, note),
                                        rng_.Below(4) != 0}};
          case 2:
            return {who, cmd::LinkGoal{note, rng_.Below(2), true}};
          default:
            return {who, cmd::GroupNote{note, NoteNextTo(state, note)}};
        }
      case BoardPhase::kVote: {
        const ParticipantId p = participant.participant;
        auto mine = state.board.dots.lower_bound({p, 0});
        if (mine != state.board.dots.end() && mine->first.first == p &&
            rng_.Below(3) == 0)
          return {participant, cmd::WithdrawDot{mine->first.second}};
        return {participant, cmd::CastDot{note}};
      }
      default:  // reveal, results: the facilitator moves on
        return {facilitator, cmd::SetBoardPhase{board.index, NextPhase(board)}};
    }
  }
  // The phase after the board's, as a facilitator runs it (results: write).
  static BoardPhase NextPhase(const Board& board) {
    return static_cast<BoardPhase>(static_cast<uint8_t>(board.phase) %
                                       static_cast<uint8_t>(kLastBoardPhase) +
                                   1);
  }
  // Mostly a note of the same board and group as `note`.
  NoteId NoteNextTo(const WorkshopState& state, NoteId note) {
    const Note* n = state.board.FindNote(note);
    if (n == nullptr || rng_.Below(5) == 0) return AnyNote(state);
    std::vector<NoteId> near;
    for (const auto& [id, other] : state.board.notes)
      if (other.board == n->board && other.group == n->group)
        near.push_back(id);
    return near[rng_.Below(static_cast<uint32_t>(near.size()))];
  }
  ClusterId AnyCluster(const WorkshopState& state) {
    const auto& clusters = state.board.clusters;
    if (clusters.empty() || rng_.Below(10) == 0) return rng_.Below(3);
    auto it = clusters.begin();
    std::advance(it, rng_.Below(static_cast<uint32_t>(clusters.size())));
    return it->first;
  }
  CardId AnyCard(const WorkshopState& state) {
    const auto& cards = state.card_sort.config.cards;
    if (cards.empty() || rng_.Below(10) == 0) return rng_.Below(3);
    return cards[rng_.Below(static_cast<uint32_t>(cards.size()))].id;
  }
  TimerId AnyTimer(const WorkshopState& state) {
    if (state.timers.empty() || rng_.Below(10) == 0) return rng_.Below(3);
    auto it = state.timers.begin();
    std::advance(it, rng_.Below(static_cast<uint32_t>(state.timers.size())));
    return it->first;
  }
  Scope AnyScope(const WorkshopState& state) {
    switch (rng_.Below(3)) {
      case 0:
        return Scope::Room();
      case 1:
        return Scope::Group(rng_.Below(state.groups.count() + 2));
      default:
        return Scope::Team(rng_.Below(3));
    }
  }

  SplitMix64 rng_;
};

// A small agenda with timers and a question, for property tests.
inline std::vector<AgendaItem> SampleAgenda() {
  return {
      AgendaItem{.title = "Bienvenida", .duration = std::chrono::minutes(5)},
      AgendaItem{
          .title = "Reto",
          .duration = std::chrono::minutes(10),
          .timers = {{"Estrategia", std::chrono::minutes(2), Scope::Room()},
                     {"Penalización", std::chrono::seconds(30),
                      Scope::Team(1)}}},
      AgendaItem{.title = "Reflexión",
                 .activity = ActivityKind::kQuestion,
                 .prompt = "¿Qué aprendiste?"},
      AgendaItem{.title = "Carrera",
                 .activity = ActivityKind::kRace,
                 .race = {std::chrono::seconds(20), std::chrono::seconds(900),
                          std::chrono::seconds(10), "Una persona a la vez"}},
      AgendaItem{.title = "Tarjetas",
                 .activity = ActivityKind::kCardSort,
                 .card_sort = {"Ordenen",
                               std::chrono::seconds(90),
                               {{0, "Desviación", ""},
                                {0, "Falta de atención", ""},
                                {0, "Falta de habilidad", ""},
                                {0, "Prueba exploratoria", ""}},
                               "Censurable",
                               "Digno de elogio"}},
      AgendaItem{
          .title = "Citas",
          .activity = ActivityKind::kSpeedDating,
          .dating = {.share = std::chrono::minutes(5),
                     .speaker_prompt = "Un éxito",
                     .listener_stems = {"Estoy impresionado por tu..."},
                     .call_url_template =
                         "https://meet.example.org/{workshop}-{round}-{pair}",
                     .meeting_spots = {"Ventana", "Puerta"}}},
      // A map per group, private while writing, with links; and one board for
      // the room, named, live, with live tallies.
      AgendaItem{.title = "Mapa ODS",
                 .activity = ActivityKind::kBoard,
                 .board = {.prompt = "Factores y desafíos",
                           .columns = {{"ODS 8", "", ""}, {"ODS 16", "", ""}},
                           .rows = {{"Factores", "", ""},
                                    {"Desafíos", "", "¿Por qué?"}},
                           .dot_budget = 3,
                           .dot_cap = 2,
                           .links = true}},
      AgendaItem{.title = "Menos / más",
                 .activity = ActivityKind::kBoard,
                 .board = {.columns = {{"Menos", "", ""}, {"Más", "", ""}},
                           .one_board_for_room = true,
                           .notes_live = true,
                           .named = true,
                           .tallies_live = true}},
      // The survey: self-paced, anonymous, one question of each kind that
      // carries a text, a choice, a matrix and a number.
      AgendaItem{.title = "Encuesta",
                 .activity = ActivityKind::kPoll,
                 .poll = {.questions = {{.type = PollQuestionType::kMultiple,
                                         .prompt = "¿Qué mentalidad?",
                                         .options = {"Experimental", "Abierta"},
                                         .allow_other = true,
                                         .why_prompt = "¿Por qué?"},
                                        {.type = PollQuestionType::kLikert,
                                         .prompt = "¿De acuerdo?",
                                         .options = {"No", "Neutral", "Sí"},
                                         .statements = {"Aprendí", "Lo usaré"}},
                                        {.type = PollQuestionType::kRecommend,
                                         .prompt = "¿Lo recomendaría?"},
                                        {.type = PollQuestionType::kWords,
                                         .prompt = "Una palabra",
                                         .max_words = 2},
                                        {.type = PollQuestionType::kOpen,
                                         .prompt = "¿Qué cambiaría?"}},
                          .self_paced = true,
                          .anonymous = true}},
      // A plan for each group.
      AgendaItem{.title = "Plan de acción",
                 .activity = ActivityKind::kActionPlan,
                 .action_plan = {.prompt = "¿Qué cambio quiere ver en su "
                                           "equipo, y cómo lleva a los ODS?"}},
  };
}

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_SUPPORT_RANDOM_COMMANDS_H_
