#ifndef CAMPANA_CODEC_CONVERT_H_
#define CAMPANA_CODEC_CONVERT_H_

// Field-by-field mapping between domain types and their protobuf messages.
// Private to server/codec: other layers see only the byte-level functions of
// the public headers.

#include <campana/v1/action_plan.pb.h>
#include <campana/v1/board.pb.h>
#include <campana/v1/cards.pb.h>
#include <campana/v1/commands.pb.h>
#include <campana/v1/dating.pb.h>
#include <campana/v1/docs.pb.h>
#include <campana/v1/events.pb.h>
#include <campana/v1/live_question.pb.h>
#include <campana/v1/poll.pb.h>
#include <campana/v1/race.pb.h>
#include <campana/v1/state.pb.h>
#include <campana/v1/template.pb.h>
#include <campana/v1/wire.pb.h>

#include "domain/commands.h"
#include "domain/events.h"
#include "domain/rejection.h"
#include "domain/state.h"

namespace campana::codec::internal {

namespace pb = ::campana::v1;

inline domain::Time At(int64_t ms) { return domain::FromUnixMillis(ms); }
inline int64_t Ms(domain::Time t) { return domain::ToUnixMillis(t); }
inline uint32_t Ms32(domain::Millis d) {
  return static_cast<uint32_t>(d.count());
}

pb::Role ToProto(domain::Role role);
domain::Role FromProto(pb::Role role);
pb::Presence ToProto(domain::Presence presence);
// Unspecified reads as in the room.
domain::Presence FromProto(pb::Presence presence);
void ToProto(const domain::Scope& scope, pb::Scope* out);
domain::Scope FromProto(const pb::Scope& scope);
pb::Groups::Kind ToProto(domain::GroupKind kind);
domain::GroupKind FromProto(pb::Groups::Kind kind);

void ToProto(const domain::AgendaItem& item, pb::AgendaItemSpec* out);
domain::AgendaItem FromProto(const pb::AgendaItemSpec& spec);
// Participant.days_present as domain::Participant keeps it.
uint32_t DaysMask(const google::protobuf::RepeatedField<uint32_t>& days);

void ToProto(const domain::Participant& p, pb::Participant* out);
void ToProto(const domain::GroupsState& groups, pb::Groups* out);
void ToProto(const domain::Timer& timer, pb::Timer* out);
domain::Timer FromProto(const pb::Timer& timer);
void ToProto(const domain::Bell& bell, pb::Bell* out);
void ToProto(const domain::Answer& answer, pb::Answer* out);
// A facilitator link as the snapshot and the console's Access doc hold it.
void ToProto(const domain::FacilitatorLink& link, pb::FacilitatorLink* out);
domain::FacilitatorLink FromProto(const pb::FacilitatorLink& link);

void ToProto(const domain::Event& event, pb::Event* out);
domain::Result<domain::Event> FromProto(const pb::Event& event);

domain::Result<domain::Command> FromProto(const pb::Command& command);

pb::RejectionCode ToProto(domain::RejectionCode code);

void ToProto(const domain::Card& card, pb::Card* out);
domain::Card FromProto(const pb::Card& card);
// The race as devices see it; team and captain names come from `state`.
void ToProto(const domain::WorkshopState& state, pb::Race* out);
domain::RaceState RaceFromProto(const pb::Race& race);
void ToProto(const domain::CardSortState& sort, pb::CardDeck* out);
void ToProto(domain::GroupNumber group, const domain::GroupCards& cards,
             pb::CardGroup* out);
void ToProto(const domain::DatingConfig& config, pb::SpeedDatingSpec* out);
domain::DatingConfig FromProto(const pb::SpeedDatingSpec& spec);
// A board item: FromProto fills the defaults and keeps the numbers within the
// board's limits (domain/activities/board/board.h).
void ToProto(const domain::BoardConfig& config, pb::BoardSpec* out);
domain::BoardConfig FromProto(const pb::BoardSpec& spec);
// A poll item or a live poll (domain/activities/poll/). FromProto refuses an
// unknown question type and fills the defaults; the domain checks the rest.
void ToProto(const domain::PollSpec& spec, pb::PollSpec* out);
domain::Result<domain::PollSpec> FromProto(const pb::PollSpec& spec);
void ToProto(const domain::PollAnswerValue& value, pb::PollAnswerValue* out);
// One question's tally from `counts` (published for devices; live for the
// export), and a text as the facilitators see it.
void ToProto(const domain::Poll& poll, uint32_t question,
             const domain::PollCounts& counts, pb::PollTally* out);
void ToProto(const domain::WorkshopState& s, domain::PollTextId id,
             pb::PollText* out);
// An action plan item (domain/activities/action_plan/): the domain checks it.
void ToProto(const domain::ActionPlanSpec& spec, pb::ActionPlanSpec* out);
domain::ActionPlanSpec FromProto(const pb::ActionPlanSpec& spec);
// One pair or trio: its members (ids only), place and first speaker.
void ToProto(const domain::DatingUnit& unit, pb::DatingUnit* out);

}  // namespace campana::codec::internal

#endif  // CAMPANA_CODEC_CONVERT_H_
