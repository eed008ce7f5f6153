#include "codec/convert.h"

#include <algorithm>
#include <cassert>
#include <map>

#include "codec/activities/registry.h"
#include "domain/attendance.h"

namespace campana::codec::internal {
namespace {

using domain::Millis;
using domain::Overloaded;
using domain::Time;
namespace cmd = domain::cmd;
namespace ev = domain::ev;

uint32_t Seconds(Millis d) { return static_cast<uint32_t>(d.count() / 1000); }

std::vector<domain::GroupNumber> Groups(
    const google::protobuf::RepeatedField<uint32_t>& groups) {
  return {groups.begin(), groups.end()};
}

void ToProto(const domain::Team& team, pb::Groups::Team* out) {
  out->set_id(team.id);
  out->set_name(team.name);
  out->mutable_groups()->Add(team.groups.begin(), team.groups.end());
}

domain::Team FromProto(const pb::Groups::Team& team) {
  return {team.id(), team.name(), Groups(team.groups())};
}

}  // namespace

pb::Role ToProto(domain::Role role) {
  switch (role) {
    case domain::Role::kParticipant:
      return pb::ROLE_PARTICIPANT;
    case domain::Role::kProjector:
      return pb::ROLE_PROJECTOR;
    case domain::Role::kFacilitator:
      return pb::ROLE_FACILITATOR;
    case domain::Role::kSystem:
      break;
  }
  return pb::ROLE_UNSPECIFIED;
}

domain::Role FromProto(pb::Role role) {
  switch (role) {
    case pb::ROLE_PARTICIPANT:
      return domain::Role::kParticipant;
    case pb::ROLE_PROJECTOR:
      return domain::Role::kProjector;
    case pb::ROLE_FACILITATOR:
      return domain::Role::kFacilitator;
    default:
      return domain::Role::kSystem;
  }
}

pb::Presence ToProto(domain::Presence presence) {
  return presence == domain::Presence::kRemote ? pb::PRESENCE_REMOTE
                                               : pb::PRESENCE_IN_ROOM;
}

domain::Presence FromProto(pb::Presence presence) {
  return presence == pb::PRESENCE_REMOTE ? domain::Presence::kRemote
                                         : domain::Presence::kInRoom;
}

void ToProto(const domain::Scope& scope, pb::Scope* out) {
  out->set_kind(static_cast<pb::Scope::Kind>(scope.kind));
  out->set_id(scope.id);
}

domain::Scope FromProto(const pb::Scope& scope) {
  switch (scope.kind()) {
    case pb::Scope::KIND_TEAM:
      return domain::Scope::Team(scope.id());
    case pb::Scope::KIND_GROUP:
      return domain::Scope::Group(scope.id());
    default:
      return domain::Scope::Room();
  }
}

pb::Groups::Kind ToProto(domain::GroupKind kind) {
  return static_cast<pb::Groups::Kind>(kind);
}

domain::GroupKind FromProto(pb::Groups::Kind kind) {
  switch (kind) {
    case pb::Groups::KIND_IN_ROOM:
      return domain::GroupKind::kInRoom;
    case pb::Groups::KIND_REMOTE:
      return domain::GroupKind::kRemote;
    default:
      return domain::GroupKind::kMixed;
  }
}

void ToProto(const domain::AgendaItem& item, pb::AgendaItemSpec* out) {
  out->set_title(item.title);
  out->set_duration_seconds(
      static_cast<uint32_t>(item.duration.count() / 1000));
  out->set_notes(item.notes);
  out->set_day(item.day);
  switch (item.activity) {
    case domain::ActivityKind::kPresentation:
      out->mutable_presentation();
      break;
    case domain::ActivityKind::kGroups: {
      pb::GroupsSpec* groups = out->mutable_groups();
      groups->set_count(item.group_count);
      for (const domain::TeamSpec& team : item.teams) {
        pb::TeamSpecTemplate* t = groups->add_teams();
        t->set_name(team.name);
        t->mutable_groups()->Add(team.groups.begin(), team.groups.end());
      }
      break;
    }
    case domain::ActivityKind::kQuestion:
      out->mutable_question()->set_prompt(item.prompt);
      break;
    case domain::ActivityKind::kRace: {
      pb::RaceSpec* race = out->mutable_race();
      race->set_strategy_seconds(Seconds(item.race.strategy));
      race->set_execution_seconds(Seconds(item.race.execution));
      race->set_penalty_seconds(Seconds(item.race.penalty));
      race->set_rules(item.race.rules);
      break;
    }
    case domain::ActivityKind::kSpeedDating:
      ToProto(item.dating, out->mutable_speed_dating());
      break;
    case domain::ActivityKind::kBoard:
      ToProto(item.board, out->mutable_board());
      break;
    case domain::ActivityKind::kPoll:
      ToProto(item.poll, out->mutable_poll());
      break;
    case domain::ActivityKind::kActionPlan:
      ToProto(item.action_plan, out->mutable_action_plan());
      break;
    case domain::ActivityKind::kCardSort: {
      pb::CardSortSpec* sort = out->mutable_card_sort();
      sort->set_instructions(item.card_sort.instructions);
      sort->set_round_seconds(Seconds(item.card_sort.round));
      sort->set_first_label(item.card_sort.first_label);
      sort->set_last_label(item.card_sort.last_label);
      for (const domain::Card& card : item.card_sort.cards) {
        pb::CardSpec* spec = sort->add_cards();
        spec->set_title(card.title);
        spec->set_description(card.description);
      }
      break;
    }
  }
  for (const domain::TimerTemplate& timer : item.timers) {
    pb::TimerSpec* spec = out->add_timers();
    spec->set_name(timer.name);
    spec->set_seconds(static_cast<uint32_t>(timer.duration.count() / 1000));
    ToProto(timer.scope, spec->mutable_scope());
  }
}

domain::AgendaItem FromProto(const pb::AgendaItemSpec& spec) {
  domain::AgendaItem item{
      .title = spec.title(),
      .duration = std::chrono::seconds(spec.duration_seconds()),
      .notes = spec.notes(),
      .day = spec.day()};
  switch (spec.activity_case()) {
    case pb::AgendaItemSpec::kGroups:
      item.activity = domain::ActivityKind::kGroups;
      item.group_count = spec.groups().count();
      for (const pb::TeamSpecTemplate& team : spec.groups().teams()) {
        item.teams.push_back({team.name(), Groups(team.groups())});
      }
      break;
    case pb::AgendaItemSpec::kQuestion:
      item.activity = domain::ActivityKind::kQuestion;
      item.prompt = spec.question().prompt();
      break;
    case pb::AgendaItemSpec::kRace:
      item.activity = domain::ActivityKind::kRace;
      item.race = {std::chrono::seconds(spec.race().strategy_seconds()),
                   std::chrono::seconds(spec.race().execution_seconds()),
                   std::chrono::seconds(spec.race().penalty_seconds()),
                   spec.race().rules()};
      break;
    case pb::AgendaItemSpec::kSpeedDating:
      item.activity = domain::ActivityKind::kSpeedDating;
      item.dating = FromProto(spec.speed_dating());
      break;
    case pb::AgendaItemSpec::kBoard:
      item.activity = domain::ActivityKind::kBoard;
      item.board = FromProto(spec.board());
      break;
    case pb::AgendaItemSpec::kPoll: {
      // Templates are checked where they are read (template_codec.cc); a
      // stored agenda was checked before it was stored.
      item.activity = domain::ActivityKind::kPoll;
      auto poll = FromProto(spec.poll());
      if (poll.ok()) item.poll = std::move(poll).value();
      break;
    }
    case pb::AgendaItemSpec::kActionPlan:
      item.activity = domain::ActivityKind::kActionPlan;
      item.action_plan = FromProto(spec.action_plan());
      break;
    case pb::AgendaItemSpec::kCardSort: {
      const pb::CardSortSpec& sort = spec.card_sort();
      item.activity = domain::ActivityKind::kCardSort;
      item.card_sort = {sort.instructions(),
                        std::chrono::seconds(sort.round_seconds()),
                        {},
                        sort.first_label(),
                        sort.last_label()};
      for (const pb::CardSpec& card : sort.cards()) {
        item.card_sort.cards.push_back({0, card.title(), card.description()});
      }
      break;
    }
    default:
      item.activity = domain::ActivityKind::kPresentation;
      break;
  }
  for (const pb::TimerSpec& timer : spec.timers()) {
    item.timers.push_back({timer.name(), std::chrono::seconds(timer.seconds()),
                           FromProto(timer.scope())});
  }
  return item;
}

void ToProto(const domain::Participant& p, pb::Participant* out) {
  out->set_id(p.id);
  out->set_display_name(p.display_name);
  out->set_presence(ToProto(p.presence));
  out->set_connected(p.connected);
  out->set_group(p.group);
  out->set_joined_at_ms(Ms(p.joined_at));
  for (uint32_t day : domain::DaysIn(p.days_present))
    out->add_days_present(day);
}

uint32_t DaysMask(const google::protobuf::RepeatedField<uint32_t>& days) {
  uint32_t mask = 0;
  for (uint32_t day : days) {
    if (day >= 1 && day <= domain::kMaxDays) mask |= 1U << (day - 1);
  }
  return mask;
}

void ToProto(const domain::GroupsState& groups, pb::Groups* out) {
  for (domain::GroupKind kind : groups.kinds) out->add_kinds(ToProto(kind));
  out->set_choice_open(groups.choice_open);
  for (const domain::Team& team : groups.teams) ToProto(team, out->add_teams());
}

void ToProto(const domain::Timer& timer, pb::Timer* out) {
  out->set_id(timer.id);
  out->set_name(timer.name);
  ToProto(timer.scope, out->mutable_scope());
  out->set_state(static_cast<pb::Timer::State>(timer.state));
  out->set_duration_ms(Ms32(timer.duration));
  out->set_ends_at_ms(Ms(timer.ends_at));
  out->set_remaining_ms(Ms32(timer.remaining));
}

domain::Timer FromProto(const pb::Timer& timer) {
  domain::TimerState state = domain::TimerState::kIdle;
  if (timer.state() >= pb::Timer::STATE_IDLE &&
      timer.state() <= pb::Timer::STATE_EXPIRED) {
    state = static_cast<domain::TimerState>(timer.state());
  }
  return {.id = timer.id(),
          .name = timer.name(),
          .scope = FromProto(timer.scope()),
          .duration = Millis(timer.duration_ms()),
          .state = state,
          .ends_at = At(timer.ends_at_ms()),
          .remaining = Millis(timer.remaining_ms())};
}

void ToProto(const domain::Bell& bell, pb::Bell* out) {
  ToProto(bell.scope, out->mutable_scope());
  out->set_seq(bell.seq);
  out->set_at_ms(Ms(bell.at));
}

void ToProto(const domain::FacilitatorLink& link, pb::FacilitatorLink* out) {
  out->set_link_id(link.id);
  out->set_name(link.name);
  out->set_key(link.key);
  out->set_revoked(link.revoked);
}

domain::FacilitatorLink FromProto(const pb::FacilitatorLink& link) {
  return {link.link_id(), link.name(), link.key(), link.revoked()};
}

void ToProto(const domain::Answer& answer, pb::Answer* out) {
  out->set_id(answer.id);
  out->set_participant_id(answer.participant);
  out->set_agenda_index(answer.agenda_index);
  out->set_text(answer.text);
  out->set_at_ms(Ms(answer.at));
}

void ToProto(const domain::Event& event, pb::Event* out) {
  std::visit(
      Overloaded{
          [&](const ev::WorkshopCreated& e) {
            auto* m = out->mutable_workshop_created();
            m->set_code(e.code);
            m->set_title(e.title);
            m->set_language(e.language);
            m->set_facilitator_key(e.facilitator_key);
            for (const auto& item : e.agenda) ToProto(item, m->add_agenda());
            m->set_projector_key(e.projector_key);
            m->set_series(e.series);
            m->set_previous(e.previous);
          },
          [&](const ev::ParticipantJoined& e) {
            auto* m = out->mutable_participant_joined();
            m->set_participant_id(e.participant);
            m->set_display_name(e.display_name);
            m->set_presence(ToProto(e.presence));
            m->set_resume_token(e.resume_token);
            m->set_join_key(e.join_key);
            m->set_group(e.group);
            m->set_personal_code(e.personal_code);
          },
          [&](const ev::ParticipantRenamed& e) {
            auto* m = out->mutable_participant_renamed();
            m->set_participant_id(e.participant);
            m->set_display_name(e.display_name);
          },
          [&](const ev::ParticipantRemoved& e) {
            auto* m = out->mutable_participant_removed();
            m->set_participant_id(e.participant);
            m->set_banned(e.banned);
          },
          [&](const ev::BanLifted& e) {
            out->mutable_ban_lifted()->set_participant_id(e.participant);
          },
          [&](const ev::ProjectorKeyRotated& e) {
            out->mutable_projector_key_rotated()->set_projector_key(
                e.projector_key);
          },
          [&](const ev::WorkshopClosed&) { out->mutable_workshop_closed(); },
          [&](const ev::FacilitatorInvited& e) {
            auto* m = out->mutable_facilitator_invited();
            m->set_link_id(e.link);
            m->set_name(e.name);
            m->set_key(e.key);
          },
          [&](const ev::FacilitatorRevoked& e) {
            out->mutable_facilitator_revoked()->set_link_id(e.link);
          },
          [&](const ev::ConsolesCounted& e) {
            auto* m = out->mutable_consoles_counted();
            m->set_link_id(e.link);
            m->set_count(e.count);
          },
          [&](const ev::PersonalCodeReset& e) {
            auto* m = out->mutable_personal_code_reset();
            m->set_participant_id(e.participant);
            m->set_personal_code(e.personal_code);
          },
          [&](const ev::IdentityReclaimed& e) {
            auto* m = out->mutable_identity_reclaimed();
            m->set_participant_id(e.participant);
            m->set_join_key(e.join_key);
          },
          [&](const ev::PresenceChanged& e) {
            auto* m = out->mutable_presence_changed();
            m->set_participant_id(e.participant);
            m->set_presence(ToProto(e.presence));
          },
          [&](const ev::ConnectionChanged& e) {
            auto* m = out->mutable_connection_changed();
            m->set_participant_id(e.participant);
            m->set_connected(e.connected);
          },
          [&](const ev::GroupsSetUp& e) {
            auto* m = out->mutable_groups_set_up();
            for (auto kind : e.kinds) m->add_kinds(ToProto(kind));
            m->set_choice_open(e.choice_open);
            for (const auto& [p, g] : e.assignments) {
              auto* a = m->add_assignments();
              a->set_participant_id(p);
              a->set_group(g);
            }
          },
          [&](const ev::ParticipantMoved& e) {
            auto* m = out->mutable_participant_moved();
            m->set_participant_id(e.participant);
            m->set_group(e.group);
          },
          [&](const ev::GroupChoiceSet& e) {
            out->mutable_group_choice_set()->set_open(e.open);
          },
          [&](const ev::TeamsDefined& e) {
            auto* m = out->mutable_teams_defined();
            for (const auto& team : e.teams) ToProto(team, m->add_teams());
          },
          [&](const ev::TimerCreated& e) {
            auto* m = out->mutable_timer_created();
            m->set_timer_id(e.timer);
            m->set_name(e.name);
            ToProto(e.scope, m->mutable_scope());
            m->set_duration_ms(Ms32(e.duration));
          },
          [&](const ev::TimerStarted& e) {
            auto* m = out->mutable_timer_started();
            m->set_timer_id(e.timer);
            m->set_ends_at_ms(Ms(e.ends_at));
          },
          [&](const ev::TimerPaused& e) {
            auto* m = out->mutable_timer_paused();
            m->set_timer_id(e.timer);
            m->set_remaining_ms(Ms32(e.remaining));
          },
          [&](const ev::TimerAdjusted& e) {
            auto* m = out->mutable_timer_adjusted();
            m->set_timer_id(e.timer);
            m->set_ends_at_ms(Ms(e.ends_at));
            m->set_remaining_ms(Ms32(e.remaining));
          },
          [&](const ev::TimerReset& e) {
            out->mutable_timer_reset()->set_timer_id(e.timer);
          },
          [&](const ev::TimerExpired& e) {
            out->mutable_timer_expired()->set_timer_id(e.timer);
          },
          [&](const ev::TimerDeleted& e) {
            out->mutable_timer_deleted()->set_timer_id(e.timer);
          },
          [&](const ev::BellRung& e) {
            auto* m = out->mutable_bell_rung();
            ToProto(e.scope, m->mutable_scope());
            m->set_seq(e.seq);
            m->set_at_ms(Ms(e.at));
          },
          [&](const ev::AgendaMoved& e) {
            out->mutable_agenda_moved()->set_index(e.index);
            out->mutable_agenda_moved()->set_at_ms(Ms(e.at));
          },
          [&](const ev::SceneShown& e) {
            out->mutable_scene_shown()->set_scene(
                static_cast<pb::Scene>(e.scene));
          },
          [&](const ev::AgendaItemEdited& e) {
            auto* m = out->mutable_agenda_item_edited();
            m->set_index(e.index);
            m->set_title(e.title);
            m->set_duration_ms(e.duration.count());
          },
          [&](const ev::AgendaItemMoved& e) {
            auto* m = out->mutable_agenda_item_moved();
            m->set_index(e.index);
            m->set_to(e.to);
            m->set_day(e.day);
          },
          [&](const ev::AgendaItemRemoved& e) {
            out->mutable_agenda_item_removed()->set_index(e.index);
          },
          [&](const ev::AgendaItemAdded& e) {
            auto* m = out->mutable_agenda_item_added();
            m->set_index(e.index);
            m->set_title(e.title);
            m->set_duration_ms(e.duration.count());
            m->set_day(e.day);
          },
          [&](const ev::AnswerSubmitted& e) {
            auto* m = out->mutable_answer_submitted();
            m->set_answer_id(e.answer);
            m->set_participant_id(e.participant);
            m->set_agenda_index(e.agenda_index);
            m->set_text(e.text);
            m->set_at_ms(Ms(e.at));
          },
          [&](const ev::AnswersShown& e) {
            auto* m = out->mutable_answers_shown();
            m->set_agenda_index(e.agenda_index);
            m->set_show(e.show);
            m->set_with_names(e.with_names);
          },
          [&](const auto&) {
            // An activity's event: its codec (codec/activities/).
            const bool encoded = EncodeActivityEvent(event, out);
            assert(encoded);
            (void)encoded;
          },
      },
      event);
}

domain::Result<domain::Event> FromProto(const pb::Event& event) {
  switch (event.body_case()) {
    case pb::Event::kWorkshopCreated: {
      const auto& m = event.workshop_created();
      ev::WorkshopCreated e{
          m.code(), m.title(),         m.language(), m.facilitator_key(),
          {},       m.projector_key(), m.series(),   m.previous()};
      for (const auto& item : m.agenda()) e.agenda.push_back(FromProto(item));
      return domain::Event(std::move(e));
    }
    case pb::Event::kParticipantJoined: {
      const auto& m = event.participant_joined();
      return domain::Event(ev::ParticipantJoined{
          m.participant_id(), m.display_name(), FromProto(m.presence()),
          m.resume_token(), m.join_key(), m.group(), m.personal_code()});
    }
    case pb::Event::kParticipantRenamed:
      return domain::Event(
          ev::ParticipantRenamed{event.participant_renamed().participant_id(),
                                 event.participant_renamed().display_name()});
    case pb::Event::kParticipantRemoved:
      return domain::Event(
          ev::ParticipantRemoved{event.participant_removed().participant_id(),
                                 event.participant_removed().banned()});
    case pb::Event::kBanLifted:
      return domain::Event(ev::BanLifted{event.ban_lifted().participant_id()});
    case pb::Event::kProjectorKeyRotated:
      return domain::Event(ev::ProjectorKeyRotated{
          event.projector_key_rotated().projector_key()});
    case pb::Event::kWorkshopClosed:
      return domain::Event(ev::WorkshopClosed{});
    case pb::Event::kFacilitatorInvited: {
      const auto& m = event.facilitator_invited();
      return domain::Event(
          ev::FacilitatorInvited{m.link_id(), m.name(), m.key()});
    }
    case pb::Event::kFacilitatorRevoked:
      return domain::Event(
          ev::FacilitatorRevoked{event.facilitator_revoked().link_id()});
    case pb::Event::kConsolesCounted:
      return domain::Event(
          ev::ConsolesCounted{event.consoles_counted().link_id(),
                              event.consoles_counted().count()});
    case pb::Event::kPersonalCodeReset:
      return domain::Event(
          ev::PersonalCodeReset{event.personal_code_reset().participant_id(),
                                event.personal_code_reset().personal_code()});
    case pb::Event::kIdentityReclaimed:
      return domain::Event(
          ev::IdentityReclaimed{event.identity_reclaimed().participant_id(),
                                event.identity_reclaimed().join_key()});
    case pb::Event::kPresenceChanged:
      return domain::Event(
          ev::PresenceChanged{event.presence_changed().participant_id(),
                              FromProto(event.presence_changed().presence())});
    case pb::Event::kConnectionChanged:
      return domain::Event(
          ev::ConnectionChanged{event.connection_changed().participant_id(),
                                event.connection_changed().connected()});
    case pb::Event::kGroupsSetUp: {
      const auto& m = event.groups_set_up();
      ev::GroupsSetUp e;
      for (int kind : m.kinds())
        e.kinds.push_back(FromProto(static_cast<pb::Groups::Kind>(kind)));
      e.choice_open = m.choice_open();
      for (const auto& a : m.assignments())
        e.assignments.emplace_back(a.participant_id(), a.group());
      return domain::Event(std::move(e));
    }
    case pb::Event::kParticipantMoved:
      return domain::Event(
          ev::ParticipantMoved{event.participant_moved().participant_id(),
                               event.participant_moved().group()});
    case pb::Event::kGroupChoiceSet:
      return domain::Event(ev::GroupChoiceSet{event.group_choice_set().open()});
    case pb::Event::kTeamsDefined: {
      ev::TeamsDefined e;
      for (const auto& team : event.teams_defined().teams())
        e.teams.push_back(FromProto(team));
      return domain::Event(std::move(e));
    }
    case pb::Event::kTimerCreated: {
      const auto& m = event.timer_created();
      return domain::Event(ev::TimerCreated{m.timer_id(), m.name(),
                                            FromProto(m.scope()),
                                            Millis(m.duration_ms())});
    }
    case pb::Event::kTimerStarted:
      return domain::Event(
          ev::TimerStarted{event.timer_started().timer_id(),
                           At(event.timer_started().ends_at_ms())});
    case pb::Event::kTimerPaused:
      return domain::Event(
          ev::TimerPaused{event.timer_paused().timer_id(),
                          Millis(event.timer_paused().remaining_ms())});
    case pb::Event::kTimerAdjusted: {
      const auto& m = event.timer_adjusted();
      return domain::Event(ev::TimerAdjusted{m.timer_id(), At(m.ends_at_ms()),
                                             Millis(m.remaining_ms())});
    }
    case pb::Event::kTimerReset:
      return domain::Event(ev::TimerReset{event.timer_reset().timer_id()});
    case pb::Event::kTimerExpired:
      return domain::Event(ev::TimerExpired{event.timer_expired().timer_id()});
    case pb::Event::kTimerDeleted:
      return domain::Event(ev::TimerDeleted{event.timer_deleted().timer_id()});
    case pb::Event::kBellRung: {
      const auto& m = event.bell_rung();
      return domain::Event(
          ev::BellRung{FromProto(m.scope()), m.seq(), At(m.at_ms())});
    }
    case pb::Event::kAgendaMoved:
      return domain::Event(ev::AgendaMoved{event.agenda_moved().index(),
                                           At(event.agenda_moved().at_ms())});
    case pb::Event::kSceneShown:
      return domain::Event(ev::SceneShown{
          static_cast<domain::Scene>(event.scene_shown().scene())});
    case pb::Event::kAgendaItemEdited: {
      const auto& m = event.agenda_item_edited();
      return domain::Event(
          ev::AgendaItemEdited{m.index(), m.title(), Millis(m.duration_ms())});
    }
    case pb::Event::kAgendaItemMoved: {
      const auto& m = event.agenda_item_moved();
      return domain::Event(ev::AgendaItemMoved{m.index(), m.to(), m.day()});
    }
    case pb::Event::kAgendaItemRemoved:
      return domain::Event(
          ev::AgendaItemRemoved{event.agenda_item_removed().index()});
    case pb::Event::kAgendaItemAdded: {
      const auto& m = event.agenda_item_added();
      return domain::Event(ev::AgendaItemAdded{
          m.index(), m.title(), Millis(m.duration_ms()), m.day()});
    }
    case pb::Event::kAnswerSubmitted: {
      const auto& m = event.answer_submitted();
      return domain::Event(
          ev::AnswerSubmitted{m.answer_id(), m.participant_id(),
                              m.agenda_index(), m.text(), At(m.at_ms())});
    }
    case pb::Event::kAnswersShown: {
      const auto& m = event.answers_shown();
      return domain::Event(
          ev::AnswersShown{m.agenda_index(), m.show(), m.with_names()});
    }
    case pb::Event::BODY_NOT_SET:
      break;
    default:  // an activity's (codec/activities/)
      if (auto decoded = DecodeActivityEvent(event)) return std::move(*decoded);
      break;
  }
  return domain::Rejection::InvalidMessage(
      "an event of a kind this server does not know");
}

domain::Result<domain::Command> FromProto(const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kJoin:
      return Command(cmd::Join{
          command.join().display_name(), FromProto(command.join().presence()),
          command.join().join_key(), command.join().personal_code()});
    case pb::Command::kRenameParticipant:
      return Command(
          cmd::RenameParticipant{command.rename_participant().participant_id(),
                                 command.rename_participant().display_name()});
    case pb::Command::kRemoveParticipant:
      return Command(
          cmd::RemoveParticipant{command.remove_participant().participant_id(),
                                 command.remove_participant().ban()});
    case pb::Command::kAllowBack:
      return Command(cmd::AllowBack{command.allow_back().participant_id()});
    case pb::Command::kRotateProjectorKey:
      return Command(cmd::RotateProjectorKey{});
    case pb::Command::kInviteFacilitator:
      return Command(
          cmd::InviteFacilitator{command.invite_facilitator().name()});
    case pb::Command::kRevokeFacilitator:
      return Command(
          cmd::RevokeFacilitator{command.revoke_facilitator().link_id()});
    case pb::Command::kResetPersonalCode:
      return Command(cmd::ResetPersonalCode{
          command.reset_personal_code().participant_id()});
    case pb::Command::kSetPresence:
      return Command(
          cmd::SetPresence{command.set_presence().participant_id(),
                           FromProto(command.set_presence().presence())});
    case pb::Command::kSetupGroups: {
      const auto& m = command.setup_groups();
      if (m.mode() < pb::SetupGroups::MODE_RANDOM ||
          m.mode() > pb::SetupGroups::MODE_MANUAL) {
        return domain::Rejection::InvalidArgument(
            "choose how to set up groups");
      }
      return Command(cmd::SetupGroups{static_cast<cmd::GroupMode>(m.mode()),
                                      m.count(), m.size(),
                                      m.separate_remote()});
    }
    case pb::Command::kMoveParticipant:
      return Command(
          cmd::MoveParticipant{command.move_participant().participant_id(),
                               command.move_participant().group()});
    case pb::Command::kChooseGroup:
      return Command(cmd::ChooseGroup{command.choose_group().group()});
    case pb::Command::kSetGroupChoice:
      return Command(cmd::SetGroupChoice{command.set_group_choice().open()});
    case pb::Command::kDefineTeams: {
      cmd::DefineTeams c;
      for (const auto& team : command.define_teams().teams()) {
        c.teams.push_back({team.name(), Groups(team.groups())});
      }
      return Command(std::move(c));
    }
    case pb::Command::kCreateTimer:
      return Command(
          cmd::CreateTimer{command.create_timer().name(),
                           Millis(command.create_timer().duration_ms()),
                           FromProto(command.create_timer().scope())});
    case pb::Command::kStartTimer:
      return Command(cmd::StartTimer{command.start_timer().timer_id()});
    case pb::Command::kPauseTimer:
      return Command(cmd::PauseTimer{command.pause_timer().timer_id()});
    case pb::Command::kAddTime:
      return Command(cmd::AddTime{command.add_time().timer_id(),
                                  Millis(command.add_time().delta_ms())});
    case pb::Command::kResetTimer:
      return Command(cmd::ResetTimer{command.reset_timer().timer_id()});
    case pb::Command::kDeleteTimer:
      return Command(cmd::DeleteTimer{command.delete_timer().timer_id()});
    case pb::Command::kRingBell:
      return Command(cmd::RingBell{FromProto(command.ring_bell().scope())});
    case pb::Command::kGotoAgendaItem:
      return Command(cmd::GotoAgendaItem{command.goto_agenda_item().index()});
    case pb::Command::kShowScene: {
      // Checked here: an open proto3 enum may carry any number, and a cast to
      // the domain's one-byte enum could wrap it onto a real scene.
      const int scene = command.show_scene().scene();
      if (scene < 0 || scene > static_cast<int>(domain::kLastScene))
        return domain::Rejection::InvalidArgument("no such scene");
      return Command(cmd::ShowScene{static_cast<domain::Scene>(scene)});
    }
    case pb::Command::kEditAgendaItem: {
      const auto& m = command.edit_agenda_item();
      return Command(
          cmd::EditAgendaItem{m.index(), m.title(), Millis(m.duration_ms())});
    }
    case pb::Command::kMoveAgendaItem:
      return Command(cmd::MoveAgendaItem{command.move_agenda_item().index(),
                                         command.move_agenda_item().to()});
    case pb::Command::kRemoveAgendaItem:
      return Command(
          cmd::RemoveAgendaItem{command.remove_agenda_item().index()});
    case pb::Command::kAddAgendaItem: {
      const auto& m = command.add_agenda_item();
      return Command(
          cmd::AddAgendaItem{m.index(), m.title(), Millis(m.duration_ms())});
    }
    case pb::Command::kSubmitAnswer:
      return Command(cmd::SubmitAnswer{command.submit_answer().agenda_index(),
                                       command.submit_answer().text()});
    case pb::Command::kShowAnswers:
      return Command(cmd::ShowAnswers{command.show_answers().agenda_index(),
                                      command.show_answers().show(),
                                      command.show_answers().with_names()});
    case pb::Command::BODY_NOT_SET:
      break;
    default:  // an activity's (codec/activities/)
      if (auto decoded = DecodeActivityCommand(command))
        return std::move(*decoded);
      break;
  }
  return domain::Rejection::InvalidMessage(
      "a command of a kind this server does not know");
}

void ToProto(const domain::Card& card, pb::Card* out) {
  out->set_id(card.id);
  out->set_title(card.title);
  out->set_description(card.description);
}

domain::Card FromProto(const pb::Card& card) {
  return {card.id(), card.title(), card.description()};
}

void ToProto(const domain::WorkshopState& state, pb::Race* out) {
  const domain::RaceState& race = state.race;
  out->set_agenda_index(race.agenda_index);
  out->set_phase(static_cast<pb::Race::Phase>(race.phase));
  out->set_strategy_ends_at_ms(Ms(race.strategy_ends_at));
  out->set_window_opens_at_ms(Ms(race.window_opens_at));
  out->set_window_closes_at_ms(Ms(race.window_closes_at));
  out->set_strategy_ms(Ms32(race.config.strategy));
  out->set_execution_ms(Ms32(race.config.execution));
  out->set_penalty_ms(Ms32(race.config.penalty));
  out->set_rules(race.config.rules);
  out->set_winner_team_id(race.winner);
  // Every team of the workshop, whether or not anything happened to it yet; and
  // teams that ran but no longer exist, so that no result disappears.
  std::map<domain::TeamId, std::string> names;
  for (const domain::Team& team : state.groups.teams)
    names[team.id] = team.name;
  for (const auto& [id, t] : race.teams) names.try_emplace(id, "");
  for (const auto& [id, name] : names) {
    auto it = race.teams.find(id);
    const domain::RaceTeam team =
        it == race.teams.end() ? domain::RaceTeam{} : it->second;
    pb::Race::Team* m = out->add_teams();
    m->set_team_id(id);
    m->set_name(name);
    m->set_captain_id(team.captain);
    if (const domain::Participant* captain =
            state.FindParticipant(team.captain)) {
      m->set_captain_name(captain->display_name);
    }
    m->set_running(team.running);
    m->set_started_at_ms(Ms(team.started_at));
    m->set_penalty_until_ms(Ms(team.penalty_until));
    m->set_best_ms(Ms32(team.best));
    for (const domain::RaceRun& run : team.runs) {
      pb::Race::Run* r = m->add_runs();
      r->set_elapsed_ms(Ms32(run.elapsed));
      r->set_counted(run.counted);
      r->set_voided(run.voided);
    }
  }
}

domain::RaceState RaceFromProto(const pb::Race& m) {
  domain::RaceState race;
  if (m.phase() >= pb::Race::PHASE_READY &&
      m.phase() <= pb::Race::PHASE_FINISHED) {
    race.phase = static_cast<domain::RacePhase>(m.phase());
  }
  race.agenda_index = m.agenda_index();
  race.config = {Millis(m.strategy_ms()), Millis(m.execution_ms()),
                 Millis(m.penalty_ms()), m.rules()};
  race.strategy_ends_at = At(m.strategy_ends_at_ms());
  race.window_opens_at = At(m.window_opens_at_ms());
  race.window_closes_at = At(m.window_closes_at_ms());
  race.winner = m.winner_team_id();
  for (const pb::Race::Team& t : m.teams()) {
    domain::RaceTeam team{t.captain_id(),        t.running(),
                          At(t.started_at_ms()), At(t.penalty_until_ms()),
                          Millis(t.best_ms()),   {}};
    for (const pb::Race::Run& run : t.runs()) {
      team.runs.push_back(
          {Millis(run.elapsed_ms()), run.counted(), run.voided()});
    }
    // Teams nothing happened to are drawn from the workshop's teams, not
    // stored.
    if (team != domain::RaceTeam{}) race.teams[t.team_id()] = std::move(team);
  }
  return race;
}

void ToProto(const domain::CardSortState& sort, pb::CardDeck* out) {
  out->set_agenda_index(sort.agenda_index);
  for (const domain::Card& card : sort.config.cards) {
    ToProto(card, out->add_cards());
  }
  out->set_started(sort.started);
  out->set_ends_at_ms(Ms(sort.ends_at));
  out->set_revealed(sort.revealed);
  out->set_instructions(sort.config.instructions);
  out->set_first_label(sort.config.first_label);
  out->set_last_label(sort.config.last_label);
  out->set_round_ms(Ms32(sort.config.round));
}

void ToProto(domain::GroupNumber group, const domain::GroupCards& cards,
             pb::CardGroup* out) {
  out->set_group(group);
  out->mutable_order()->Add(cards.order.begin(), cards.order.end());
  out->set_locked(cards.locked);
  out->set_locked_at_ms(Ms(cards.locked_at));
}

void ToProto(const domain::DatingConfig& config, pb::SpeedDatingSpec* out) {
  out->set_share_seconds(Seconds(config.share));
  out->set_speaker_prompt(config.speaker_prompt);
  for (const auto& stem : config.listener_stems) out->add_listener_stems(stem);
  out->set_call_url_template(config.call_url_template);
  for (const auto& spot : config.meeting_spots) out->add_meeting_spots(spot);
  out->set_avoid_same_group(config.avoid_same_group);
  out->set_table_count(config.table_count);
}

domain::DatingConfig FromProto(const pb::SpeedDatingSpec& spec) {
  return {std::chrono::seconds(spec.share_seconds()),
          spec.speaker_prompt(),
          {spec.listener_stems().begin(), spec.listener_stems().end()},
          spec.call_url_template(),
          {spec.meeting_spots().begin(), spec.meeting_spots().end()},
          spec.avoid_same_group(),
          spec.meeting_spots().empty() ? spec.table_count() : 0};
}

void ToProto(const domain::DatingUnit& unit, pb::DatingUnit* out) {
  for (domain::ParticipantId p : unit.members)
    out->add_members()->set_participant_id(p);
  out->set_table(unit.table);
  out->set_spot(unit.spot);
  out->set_first_speaker(unit.first_speaker);
  out->set_speaker_drawn(unit.drawn);
  out->set_remote(unit.remote);
}

pb::RejectionCode ToProto(domain::RejectionCode code) {
  return static_cast<pb::RejectionCode>(code);
}

}  // namespace campana::codec::internal
