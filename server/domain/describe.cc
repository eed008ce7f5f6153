// The compact printed forms that tests compare (LevelDB's write_batch_test
// style).

#include <array>
#include <sstream>

#include "domain/commands.h"
#include "domain/docs.h"
#include "domain/events.h"
#include "domain/internal.h"
#include "domain/rejection.h"
#include "domain/workshop.h"

namespace campana::domain {
namespace {

using internal::Ms;

const char* DescribeKind(GroupKind kind) {
  switch (kind) {
    case GroupKind::kMixed:
      return "mixed";
    case GroupKind::kInRoom:
      return "room";
    case GroupKind::kRemote:
      return "remote";
  }
  return "?";
}

const char* DescribeState(TimerState state) {
  switch (state) {
    case TimerState::kIdle:
      return "idle";
    case TimerState::kRunning:
      return "running";
    case TimerState::kPaused:
      return "paused";
    case TimerState::kExpired:
      return "expired";
  }
  return "?";
}

std::string Groups(const std::vector<GroupNumber>& groups) {
  std::string out = "{";
  for (size_t i = 0; i < groups.size(); ++i)
    out += (i ? "," : "") + std::to_string(groups[i]);
  return out + "}";
}

}  // namespace

const char* Describe(Role role) {
  switch (role) {
    case Role::kSystem:
      return "system";
    case Role::kParticipant:
      return "participant";
    case Role::kProjector:
      return "projector";
    case Role::kFacilitator:
      return "facilitator";
  }
  return "?";
}

const char* Describe(Presence presence) {
  return presence == Presence::kRemote ? "remote" : "room";
}

std::string Actor::Describe() const {
  if (role == Role::kParticipant)
    return "participant " + std::to_string(participant);
  return domain::Describe(role);
}

std::string Scope::Describe() const {
  switch (kind) {
    case Kind::kRoom:
      return "room";
    case Kind::kTeam:
      return "team " + std::to_string(id);
    case Kind::kGroup:
      return "group " + std::to_string(id);
  }
  return "?";
}

const char* Describe(RejectionCode code) {
  switch (code) {
    case RejectionCode::kInvalidMessage:
      return "InvalidMessage";
    case RejectionCode::kUnknownWorkshop:
      return "UnknownWorkshop";
    case RejectionCode::kInvalidName:
      return "InvalidName";
    case RejectionCode::kPermissionDenied:
      return "PermissionDenied";
    case RejectionCode::kNotJoined:
      return "NotJoined";
    case RejectionCode::kInvalidArgument:
      return "InvalidArgument";
    case RejectionCode::kFailedPrecondition:
      return "FailedPrecondition";
    case RejectionCode::kNotFound:
      return "NotFound";
    case RejectionCode::kUnknownToken:
      return "UnknownToken";
    case RejectionCode::kAlreadyJoined:
      return "AlreadyJoined";
    case RejectionCode::kBusy:
      return "Busy";
    case RejectionCode::kRemoved:
      return "Removed";
    case RejectionCode::kNameTaken:
      return "NameTaken";
    case RejectionCode::kConflict:
      return "Conflict";
    case RejectionCode::kClosed:
      return "Closed";
  }
  return "?";
}

std::string Rejection::Describe() const {
  return std::string(domain::Describe(code)) + ": " + message;
}

const char* CommandName(const Command& command) {
  return std::visit([]<class C>(const C&) { return C::kName; }, command);
}

std::string Describe(const Event& event) {
  std::ostringstream out;
  std::visit(
      Overloaded{
          [&](const ev::WorkshopCreated& e) {
            out << "WorkshopCreated(" << e.code << ", \"" << e.title << "\", "
                << e.language << ", " << e.agenda.size() << " items)";
          },
          [&](const ev::ParticipantJoined& e) {
            out << "ParticipantJoined(" << e.participant << ", \""
                << e.display_name << "\", " << Describe(e.presence)
                << ", group " << e.group << ")";
          },
          [&](const ev::ParticipantRenamed& e) {
            out << "ParticipantRenamed(" << e.participant << ", \""
                << e.display_name << "\")";
          },
          [&](const ev::ParticipantRemoved& e) {
            out << "ParticipantRemoved(" << e.participant
                << (e.banned ? ", banned" : "") << ")";
          },
          [&](const ev::BanLifted& e) {
            out << "BanLifted(" << e.participant << ")";
          },
          [&](const ev::ProjectorKeyRotated& e) {
            out << "ProjectorKeyRotated(" << e.projector_key << ")";
          },
          [&](const ev::WorkshopClosed&) { out << "WorkshopClosed"; },
          [&](const ev::FacilitatorInvited& e) {
            out << "FacilitatorInvited(" << e.link << ", \"" << e.name << "\")";
          },
          [&](const ev::FacilitatorRevoked& e) {
            out << "FacilitatorRevoked(" << e.link << ")";
          },
          [&](const ev::ConsolesCounted& e) {
            out << "ConsolesCounted(" << e.link << ", " << e.count << ")";
          },
          // The codes and keys are secrets, left out as the tokens are.
          [&](const ev::PersonalCodeReset& e) {
            out << "PersonalCodeReset(" << e.participant << ")";
          },
          [&](const ev::IdentityReclaimed& e) {
            out << "IdentityReclaimed(" << e.participant << ")";
          },
          [&](const ev::PresenceChanged& e) {
            out << "PresenceChanged(" << e.participant << ", "
                << Describe(e.presence) << ")";
          },
          [&](const ev::ConnectionChanged& e) {
            out << "ConnectionChanged(" << e.participant << ", "
                << (e.connected ? "connected" : "disconnected") << ")";
          },
          [&](const ev::GroupsSetUp& e) {
            out << "GroupsSetUp(" << e.kinds.size() << " groups"
                << (e.choice_open ? ", choice" : "");
            for (const auto& [p, g] : e.assignments)
              out << ", " << p << "->" << g;
            out << ")";
          },
          [&](const ev::ParticipantMoved& e) {
            out << "ParticipantMoved(" << e.participant << ", group " << e.group
                << ")";
          },
          [&](const ev::GroupChoiceSet& e) {
            out << "GroupChoiceSet(" << (e.open ? "open" : "closed") << ")";
          },
          [&](const ev::TeamsDefined& e) {
            out << "TeamsDefined(";
            for (size_t i = 0; i < e.teams.size(); ++i) {
              out << (i ? ", " : "") << e.teams[i].id << ":" << e.teams[i].name
                  << Groups(e.teams[i].groups);
            }
            out << ")";
          },
          [&](const ev::TimerCreated& e) {
            out << "TimerCreated(" << e.timer << ", \"" << e.name << "\", "
                << e.scope.Describe() << ", " << Ms(e.duration) << "ms)";
          },
          [&](const ev::TimerStarted& e) {
            out << "TimerStarted(" << e.timer << ", ends " << Ms(e.ends_at)
                << ")";
          },
          [&](const ev::TimerPaused& e) {
            out << "TimerPaused(" << e.timer << ", " << Ms(e.remaining)
                << "ms left)";
          },
          [&](const ev::TimerAdjusted& e) {
            out << "TimerAdjusted(" << e.timer << ", ends " << Ms(e.ends_at)
                << ", " << Ms(e.remaining) << "ms left)";
          },
          [&](const ev::TimerReset& e) {
            out << "TimerReset(" << e.timer << ")";
          },
          [&](const ev::TimerExpired& e) {
            out << "TimerExpired(" << e.timer << ")";
          },
          [&](const ev::TimerDeleted& e) {
            out << "TimerDeleted(" << e.timer << ")";
          },
          [&](const ev::BellRung& e) {
            out << "BellRung(" << e.scope.Describe() << ", #" << e.seq
                << ", at " << Ms(e.at) << ")";
          },
          [&](const ev::AgendaMoved& e) {
            out << "AgendaMoved(" << e.index << ")";
          },
          [&](const ev::SceneShown& e) {
            out << "SceneShown(" << static_cast<int>(e.scene) << ")";
          },
          [&](const ev::AgendaItemEdited& e) {
            out << "AgendaItemEdited(" << e.index << ", \"" << e.title << "\", "
                << Ms(e.duration) << "ms)";
          },
          [&](const ev::AgendaItemMoved& e) {
            out << "AgendaItemMoved(" << e.index << " to " << e.to << ", day "
                << e.day << ")";
          },
          [&](const ev::AgendaItemRemoved& e) {
            out << "AgendaItemRemoved(" << e.index << ")";
          },
          [&](const ev::AgendaItemAdded& e) {
            out << "AgendaItemAdded(" << e.index << ", \"" << e.title << "\", "
                << Ms(e.duration) << "ms, day " << e.day << ")";
          },
          [&](const ev::AnswerSubmitted& e) {
            out << "AnswerSubmitted(" << e.answer << ", by " << e.participant
                << ", item " << e.agenda_index << ", \"" << e.text << "\")";
          },
          [&](const ev::RaceSetUp& e) {
            out << "RaceSetUp(item " << e.agenda_index << ", strategy "
                << Ms(e.config.strategy) << "ms, window "
                << Ms(e.config.execution) << "ms, penalty "
                << Ms(e.config.penalty) << "ms)";
          },
          [&](const ev::RaceStrategyStarted& e) {
            out << "RaceStrategyStarted(ends " << Ms(e.ends_at) << ")";
          },
          [&](const ev::RaceWindowOpened& e) {
            out << "RaceWindowOpened(" << Ms(e.opens_at) << " to "
                << Ms(e.closes_at) << ")";
          },
          [&](const ev::CaptainNamed& e) {
            out << "CaptainNamed(team " << e.team << ", " << e.participant
                << ")";
          },
          [&](const ev::RunStarted& e) {
            out << "RunStarted(team " << e.team << ", at " << Ms(e.at) << ")";
          },
          [&](const ev::RunStopped& e) {
            out << "RunStopped(team " << e.team << ", " << Ms(e.elapsed) << "ms"
                << (e.counted ? "" : ", not counted") << ")";
          },
          [&](const ev::RunVoided& e) {
            out << "RunVoided(team " << e.team << ", penalty until "
                << Ms(e.penalty_until) << ")";
          },
          [&](const ev::RaceFinished& e) {
            out << "RaceFinished(winner team " << e.winner << ")";
          },
          [&](const ev::CardSortSetUp& e) {
            out << "CardSortSetUp(item " << e.agenda_index << ", "
                << e.config.cards.size() << " cards)";
          },
          [&](const ev::CardSortStarted& e) {
            out << "CardSortStarted(" << e.initial_order.size()
                << " cards, ends " << Ms(e.ends_at) << ")";
          },
          [&](const ev::CardMoved& e) {
            out << "CardMoved(group " << e.group << ", card " << e.card
                << " to " << e.to_index << ")";
          },
          [&](const ev::CardsLocked& e) {
            out << "CardsLocked(group " << e.group << ", at " << Ms(e.at)
                << ")";
          },
          [&](const ev::CardsRevealed&) { out << "CardsRevealed"; },
          [&](const ev::DatingSetUp& e) {
            out << "DatingSetUp(item " << e.agenda_index << ", "
                << Ms(e.config.share) << "ms each)";
          },
          [&](const ev::DatingRoundStarted& e) {
            out << "DatingRoundStarted(" << e.round;
            for (const auto& u : e.units) {
              out << ", ";
              for (size_t i = 0; i < u.members.size(); ++i) {
                out << (i ? "+" : "") << u.members[i];
              }
              out << (u.remote ? " call" : " table " + std::to_string(u.table));
            }
            out << ")";
          },
          [&](const ev::FirstSpeakerChosen& e) {
            out << "FirstSpeakerChosen(round " << e.round << ", unit " << e.unit
                << ", " << e.participant << (e.drawn ? ", drawn" : "") << ")";
          },
          [&](const ev::DatingPhaseChanged& e) {
            out << "DatingPhaseChanged(" << static_cast<int>(e.phase)
                << ", ends " << Ms(e.ends_at) << ")";
          },
          [&](const ev::DatingMemberAdded& e) {
            out << "DatingMemberAdded(round " << e.round << ", unit " << e.unit
                << ", " << e.participant << ")";
          },
          [&](const ev::NoteSaved& e) {
            out << "NoteSaved(" << e.participant << ", round " << e.round
                << ", \"" << e.text << "\")";
          },
          [&](const ev::DatingOptionsSet& e) {
            out << "DatingOptionsSet(" << e.call_url_template
                << (e.avoid_same_group ? ", avoid same group" : "")
                << (e.collect_notes ? ", collect notes (not read)" : "");
            if (e.tables) {
              out << ", tables " << e.tables->count;
              for (const auto& name : e.tables->names) out << " " << name;
            }
            out << ")";
          },
          [&](const ev::NotesShared& e) {
            out << "NotesShared(" << e.participant << ", rounds";
            for (uint32_t round : e.rounds) out << " " << round;
            out << (e.shared ? ", shared" : ", private") << ")";
          },
          [&](const ev::QuestionAsked& e) {
            out << "QuestionAsked(" << e.question << ", \"" << e.prompt
                << "\", at " << Ms(e.at) << ")";
          },
          [&](const ev::QuestionAnswered& e) {
            out << "QuestionAnswered(" << e.answer << " to " << e.question
                << " by " << e.participant << ", \"" << e.text << "\")";
          },
          [&](const ev::QuestionClosed& e) {
            out << "QuestionClosed(" << e.question << ")";
          },
          [&](const ev::QuestionAnswersShown& e) {
            out << "QuestionAnswersShown(" << e.question
                << (e.show ? " shown" : " hidden")
                << (e.with_names ? " named" : "") << ")";
          },
          [&](const ev::BoardSetUp& e) {
            out << "BoardSetUp(item " << e.board << ", "
                << e.config.columns.size() << "x" << e.config.row_count()
                << ")";
          },
          [&](const ev::BoardPhaseSet& e) {
            out << "BoardPhaseSet(item " << e.board << ", phase "
                << static_cast<int>(e.phase) << ")";
          },
          [&](const ev::NoteAdded& e) {
            out << "NoteAdded(" << e.note << " on " << e.board << "/" << e.group
                << " at " << e.column << "," << e.row << " by " << e.author
                << ", \"" << e.text << "\")";
          },
          [&](const ev::NoteEdited& e) {
            out << "NoteEdited(" << e.note << ", \"" << e.text << "\""
                << (e.by_facilitator ? ", by a facilitator" : "") << ")";
          },
          [&](const ev::NoteDeleted& e) {
            out << "NoteDeleted(" << e.note << ")";
          },
          [&](const ev::NoteHidden& e) {
            out << "NoteHidden(" << e.note << (e.hidden ? ")" : ", shown)");
          },
          [&](const ev::NoteGrouped& e) {
            out << "NoteGrouped(" << e.note << " into " << e.cluster << ")";
          },
          [&](const ev::ClusterNamed& e) {
            out << "ClusterNamed(" << e.cluster << ", \"" << e.title << "\")";
          },
          [&](const ev::NotesLinked& e) {
            out << "NotesLinked(" << e.note << " -> " << e.to
                << (e.linked ? ")" : ", unlinked)");
          },
          [&](const ev::GoalLinked& e) {
            out << "GoalLinked(" << e.note << " -> column " << e.column
                << (e.linked ? ")" : ", unlinked)");
          },
          [&](const ev::DotCast& e) {
            out << "DotCast(" << e.participant << " on " << e.note << ")";
          },
          [&](const ev::DotWithdrawn& e) {
            out << "DotWithdrawn(" << e.participant << " from " << e.note
                << ")";
          },
          [&](const ev::BoardProjected& e) {
            out << "BoardProjected(item " << e.board << ", group " << e.group
                << ")";
          },
          [&](const ev::PollCreated& e) {
            out << "PollCreated(" << e.poll << ", item " << e.agenda_index
                << ", " << e.spec.questions.size() << " questions)";
          },
          [&](const ev::PollAnswered& e) {
            out << "PollAnswered(" << e.poll << "/" << e.question << " by "
                << e.participant << ")";
          },
          [&](const ev::PollOpenSet& e) {
            out << "PollOpenSet(" << e.poll
                << (e.open ? ", open)" : ", closed)");
          },
          [&](const ev::PollQuestionShown& e) {
            out << "PollQuestionShown(" << e.poll << "/" << e.question << ")";
          },
          [&](const ev::PollRevealed& e) {
            out << "PollRevealed(" << e.poll << "/" << e.question
                << (e.revealed ? ")" : ", hidden)");
          },
          [&](const ev::PollQuestionEdited& e) {
            out << "PollQuestionEdited(" << e.poll << "/" << e.question << ")";
          },
          [&](const ev::PollTextHidden& e) {
            out << "PollTextHidden(" << e.text << (e.hidden ? ")" : ", shown)");
          },
          [&](const ev::PollWordHidden& e) {
            out << "PollWordHidden(" << e.poll << "/" << e.question << " \""
                << e.word << (e.hidden ? "\")" : "\", shown)");
          },
          [&](const ev::PollTalliesPublished& e) {
            out << "PollTalliesPublished(" << e.poll << ")";
          },
          [&](const ev::ActionPlanSetUp& e) {
            out << "ActionPlanSetUp(item " << e.item << ")";
          },
          [&](const ev::PlanObjectiveSet& e) {
            out << "PlanObjectiveSet(" << e.item << "/" << e.group << " by "
                << e.by << ", \"" << e.text << "\")";
          },
          [&](const ev::PlanRowAdded& e) {
            out << "PlanRowAdded(" << e.item << "/" << e.group << ", row "
                << e.row;
            if (e.after != 0) out << " after " << e.after;
            out << ")";
          },
          [&](const ev::PlanFieldEdited& e) {
            out << "PlanFieldEdited(" << e.item << "/" << e.group << ", row "
                << e.row << " field " << static_cast<int>(e.field) << " by "
                << e.by << ", \"" << e.text << "\")";
          },
          [&](const ev::PlanRowMoved& e) {
            out << "PlanRowMoved(" << e.item << "/" << e.group << ", row "
                << e.row << " to " << e.to_index << ")";
          },
          [&](const ev::PlanRowRemoved& e) {
            out << "PlanRowRemoved(" << e.item << "/" << e.group << ", row "
                << e.row << ")";
          },
          [&](const ev::PlanEditingSet& e) {
            out << "PlanEditingSet(" << e.item << "/" << e.group << ", "
                << e.participant;
            if (e.field == PlanField::kNone) {
              out << " stopped)";
            } else {
              out << " on row " << e.row << " field "
                  << static_cast<int>(e.field) << ")";
            }
          },
          [&](const ev::PlanShown& e) {
            out << "PlanShown(" << e.item << "/" << e.group << ")";
          },
          [&](const ev::AnswersShown& e) {
            out << "AnswersShown(item " << e.agenda_index << ", "
                << (e.show ? "shown" : "hidden")
                << (e.with_names ? ", named" : "") << ")";
          },
      },
      event);
  return out.str();
}

std::string DocKey::Describe() const {
  static constexpr auto kNames = std::to_array<const char*>(
      {"?",           "Workshop",     "Participant",  "Groups",
       "Timer",       "Bell",         "Agenda",       "Answer",
       "ShownAnswer", "Race",         "CardDeck",     "CardGroup",
       "CardResults", "Dating",       "DatingUnit",   "DatingNote",
       "Access",      "LiveQuestion", "LiveAnswer",   "ShownLiveAnswer",
       "Board",       "BoardNote",    "BoardCluster", "BoardMine",
       "BoardTally",  "Poll",         "PollMine",     "PollTally",
       "PollText",    "PollProgress", "PollHidden",   "ActionPlan"});
  const auto index = static_cast<size_t>(kind);
  return std::string(index < std::size(kNames) ? kNames[index] : "?") + "/" +
         std::to_string(id);
}

std::string Audience::Describe() const {
  switch (kind) {
    case AudienceKind::kEveryone:
      return "everyone";
    case AudienceKind::kStaff:
      return "staff";
    case AudienceKind::kFacilitators:
      return "facilitators";
    case AudienceKind::kGroup:
      return "group " + std::to_string(id);
    case AudienceKind::kParticipant:
      return "participant " + std::to_string(id);
  }
  return "?";
}

std::string Workshop::Describe() const {
  const WorkshopState& s = state_;
  std::ostringstream out;
  out << "workshop " << s.code << " \"" << s.title << "\" " << s.language
      << " offset " << s.offset << " agenda " << s.agenda_current << "/"
      << s.agenda.size() << " scene " << static_cast<int>(s.scene) << " key "
      << s.facilitator_key << " projector " << s.projector_key
      << (s.closed ? " closed" : "") << "\n";
  for (const auto& [id, link] : s.facilitator_links) {
    out << "facilitator link " << id << " \"" << link.name << "\" " << link.key
        << (link.revoked ? " revoked" : "") << "\n";
  }
  for (const auto& [index, run] : s.agenda_runs) {
    out << "agenda run " << index << " from " << internal::Ms(run.first_started)
        << " spent " << run.spent.count() << " ms\n";
  }
  if (!s.agenda_runs.empty())
    out << "agenda since " << internal::Ms(s.agenda_since) << "\n";
  for (const auto& [id, p] : s.participants) {
    out << "participant " << id << " \"" << p.display_name << "\" "
        << domain::Describe(p.presence) << (p.connected ? " connected" : "")
        << " group " << p.group << " seq " << p.last_client_seq << " token "
        << p.resume_token << " key " << p.join_key << "\n";
  }
  out << "next participant " << s.next_participant_id << "\n";
  for (const auto& [id, ban] : s.bans) {
    out << "banned " << id << " \"" << ban.display_name << "\" key "
        << ban.join_key << "\n";
  }
  out << "groups";
  for (GroupKind kind : s.groups.kinds) out << " " << DescribeKind(kind);
  out << (s.groups.choice_open ? " choice-open" : "");
  for (const Team& team : s.groups.teams)
    out << " team " << team.id << ":" << team.name << Groups(team.groups);
  out << "\n";
  for (const auto& [id, t] : s.timers) {
    out << "timer " << id << " \"" << t.name << "\" " << t.scope.Describe()
        << " " << DescribeState(t.state) << " " << Ms(t.duration) << "ms ends "
        << Ms(t.ends_at) << " left " << Ms(t.remaining) << "\n";
  }
  out << "next timer " << s.next_timer_id << "\n";
  for (const auto& [scope, b] : s.bells) {
    out << "bell " << scope.Describe() << " #" << b.seq << " at " << Ms(b.at)
        << "\n";
  }
  out << "next bell " << s.next_bell_seq << "\n";
  for (const auto& [id, a] : s.answers) {
    out << "answer " << id << " by " << a.participant << " item "
        << a.agenda_index << " \"" << a.text << "\" at " << Ms(a.at) << "\n";
  }
  for (const auto& [index, named] : s.answer_displays) {
    out << "showing item " << index << (named ? " named" : "") << "\n";
  }
  out << "next answer " << s.next_answer_id << "\n";
  ForEachActivity([&]<class A>() { A::Describe(s, out); });
  return out.str();
}

}  // namespace campana::domain
