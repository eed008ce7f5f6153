#include "codec/export_codec.h"

#include <algorithm>
#include <tuple>

#include <google/protobuf/util/json_util.h>

#include <campana/v1/export.pb.h>

#include "codec/convert.h"
#include "codec/view_codec.h"

namespace campana::codec {

namespace pb = ::campana::v1;

namespace {

// Tallies as they are now (devices see them as last published), and one row
// per answer. An anonymous poll's rows carry neither participant nor time, and
// are sorted by their answer, so that nothing in them points back to anyone.
void AddPolls(const domain::WorkshopState& state, pb::WorkshopExport& out) {
  const domain::PollState& ps = state.poll;
  for (const auto& [id, poll] : ps.polls)
    for (uint32_t q = 0; q < poll.live.size(); ++q)
      internal::ToProto(poll, q, poll.live[q], out.add_poll_tallies());
  std::vector<pb::PollAnswerRow> anonymous;
  for (const auto& [mine, r] : ps.responses) {
    const bool hide = ps.polls.at(r.poll).spec.anonymous;
    for (const auto& [q, a] : r.answers) {
      pb::PollAnswerRow row;
      row.set_poll_id(r.poll);
      row.set_question(q);
      internal::ToProto(a.value, row.mutable_value());
      if (hide) {
        anonymous.push_back(std::move(row));
        continue;
      }
      row.set_participant_id(r.participant);
      if (const domain::Participant* p = state.FindParticipant(r.participant))
        row.set_participant_name(p->display_name);
      row.set_at_ms(domain::ToUnixMillis(a.at));
      *out.add_poll_answers() = std::move(row);
    }
  }
  std::sort(anonymous.begin(), anonymous.end(),
            [](const pb::PollAnswerRow& a, const pb::PollAnswerRow& b) {
              return std::tuple(a.poll_id(), a.question(),
                                a.value().SerializeAsString()) <
                     std::tuple(b.poll_id(), b.question(),
                                b.value().SerializeAsString());
            });
  for (auto& row : anonymous) *out.add_poll_answers() = std::move(row);
}

// Every group's plan of every action plan item, as the facilitators see it,
// without who is editing (a moment's state, not the plan's).
void AddActionPlans(const domain::WorkshopState& state,
                    pb::WorkshopExport& out) {
  domain::ActionPlanActivity::ForEachDoc(state, [&](const domain::DocKey& key) {
    pb::Doc d;
    d.ParseFromString(EncodeDoc(state, key));
    pb::ActionPlan* plan = out.add_action_plans();
    *plan = d.action_plan();
    plan->clear_editing();
  });
}

// The agenda as it ran, the current item's time counted up to `now`.
void AddAgendaRuns(const domain::WorkshopState& state, domain::Time now,
                   pb::WorkshopExport& out) {
  for (const auto& [index, run] : state.agenda_runs) {
    domain::Millis spent = run.spent;
    if (index == state.agenda_current && now > state.agenda_since)
      spent += now - state.agenda_since;
    pb::AgendaRun* r = out.add_agenda_runs();
    r->set_index(index);
    r->set_first_started_ms(domain::ToUnixMillis(run.first_started));
    r->set_spent_ms(spent.count());
  }
}

}  // namespace

std::string ExportJson(const domain::WorkshopState& state, domain::Time now) {
  pb::WorkshopExport out;
  out.set_exported_at_ms(domain::ToUnixMillis(now));
  // The documents a facilitator sees, rendered as for the console.
  auto doc = [&](domain::DocKind kind, uint64_t id) {
    pb::Doc d;
    d.ParseFromString(EncodeDoc(state, {kind, id}));
    return d;
  };
  domain::ForEachDoc(state, [&](const domain::DocKey& key) {
    if (domain::VisibilityOf(state, key).empty()) return;
    switch (key.kind) {
      case domain::DocKind::kWorkshop:
        *out.mutable_workshop() = doc(key.kind, key.id).workshop();
        break;
      case domain::DocKind::kParticipant:
        *out.add_participants() = doc(key.kind, key.id).participant();
        break;
      case domain::DocKind::kGroups:
        *out.mutable_groups() = doc(key.kind, key.id).groups();
        break;
      case domain::DocKind::kAgenda:
        *out.mutable_agenda() = doc(key.kind, key.id).agenda();
        break;
      case domain::DocKind::kAnswer:
        *out.add_answers() = doc(key.kind, key.id).answer();
        break;
      case domain::DocKind::kRace:
        *out.mutable_race() = doc(key.kind, key.id).race();
        break;
      case domain::DocKind::kCardDeck:
        *out.mutable_card_deck() = doc(key.kind, key.id).card_deck();
        break;
      case domain::DocKind::kCardGroup:
        *out.add_card_groups() = doc(key.kind, key.id).card_group();
        break;
      case domain::DocKind::kCardResults:
        *out.mutable_card_results() = doc(key.kind, key.id).card_results();
        break;
      case domain::DocKind::kDating:
        *out.mutable_dating() = doc(key.kind, key.id).dating();
        break;
      case domain::DocKind::kDatingNote:
        // Only the notes their writers chose to share leave their phones.
        if (state.dating.notes
                .at({static_cast<domain::ParticipantId>(key.id >> 20),
                     static_cast<uint32_t>(key.id & 0xfffff)})
                .shared)
          *out.add_dating_notes() = doc(key.kind, key.id).dating_note();
        break;
      // Every board as the facilitators see it: an anonymous board's notes
      // carry no author here either.
      case domain::DocKind::kBoard:
        *out.add_boards() = doc(key.kind, key.id).board();
        break;
      case domain::DocKind::kBoardNote:
        *out.add_board_notes() = doc(key.kind, key.id).board_note();
        break;
      case domain::DocKind::kBoardCluster:
        *out.add_board_clusters() = doc(key.kind, key.id).board_cluster();
        break;
      case domain::DocKind::kBoardTally:
        *out.add_board_tallies() = doc(key.kind, key.id).board_tally();
        break;
      // Every poll, and every text as the facilitators see it (an anonymous
      // poll's without authors).
      case domain::DocKind::kPoll:
        *out.add_polls() = doc(key.kind, key.id).poll();
        break;
      case domain::DocKind::kPollText:
        *out.add_poll_texts() = doc(key.kind, key.id).poll_text();
        break;
      default:
        break;
    }
  });
  out.set_participants_sharing_notes(
      static_cast<uint32_t>(state.dating.ParticipantsSharingNotes()));
  // Every round's pairs, not only the current one that devices see.
  for (const domain::DatingRound& round : state.dating.rounds) {
    for (size_t unit = 0; unit < round.units.size(); ++unit) {
      pb::DatingUnit* u = out.add_dating_units();
      u->set_round(round.number);
      u->set_unit(static_cast<uint32_t>(unit));
      for (domain::ParticipantId p : round.units[unit].members) {
        pb::DatingUnit::Member* m = u->add_members();
        m->set_participant_id(p);
        if (const domain::Participant* person = state.FindParticipant(p))
          m->set_display_name(person->display_name);
      }
      u->set_table(round.units[unit].table);
      u->set_spot(round.units[unit].spot);
      u->set_remote(round.units[unit].remote);
      u->set_first_speaker(round.units[unit].first_speaker);
    }
  }
  AddPolls(state, out);
  AddActionPlans(state, out);
  AddAgendaRuns(state, now, out);
  pb::WorkshopTemplate* plan = out.mutable_as_template();
  plan->set_title(state.title);
  plan->set_language(state.language);
  for (const domain::AgendaItem& item : state.agenda)
    internal::ToProto(item, plan->add_items());
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(out, &json, options);
  return json;
}

}  // namespace campana::codec
