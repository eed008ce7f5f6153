#ifndef CAMPANA_CODEC_ACTIVITIES_REGISTRY_H_
#define CAMPANA_CODEC_ACTIVITIES_REGISTRY_H_

// Each activity's part of the codec (one file per activity in this folder,
// beside domain/activities/<name>/), listed once. Private to server/codec.
//
// The central mappings (convert.cc, view_codec.cc, log_codec.cc) handle the
// core's own events, commands, documents and state, and hand everything else
// to these, in list order.

#include <optional>

#include "codec/convert.h"
#include "domain/type_list.h"

namespace campana::codec {

// The functions every activity codec defines:
//   EncodeEvent: fills `out` and returns true if `event` is the activity's.
//   DecodeEvent, DecodeCommand: nullopt if the message is not the activity's.
//   EncodeDoc: fills `out` and returns true if `key` is one of its documents
//     (the content only: the projection for the audience is the domain's).
//   SaveState, LoadState: its part of a stored snapshot.
#define CAMPANA_ACTIVITY_CODEC(Name)                                          \
  struct Name {                                                               \
    static bool EncodeEvent(const domain::Event& event,                       \
                            internal::pb::Event* out);                        \
    static std::optional<domain::Result<domain::Event>> DecodeEvent(          \
        const internal::pb::Event& event);                                    \
    static std::optional<domain::Result<domain::Command>> DecodeCommand(      \
        const internal::pb::Command& command);                                \
    static bool EncodeDoc(const domain::WorkshopState& s,                     \
                          const domain::DocKey& key, internal::pb::Doc* out); \
    static void SaveState(const domain::WorkshopState& s,                     \
                          internal::pb::WorkshopState* out);                  \
    static void LoadState(const internal::pb::WorkshopState& m,               \
                          domain::WorkshopState* out);                        \
  }

CAMPANA_ACTIVITY_CODEC(RaceCodec);
CAMPANA_ACTIVITY_CODEC(CardSortCodec);
CAMPANA_ACTIVITY_CODEC(DatingCodec);
CAMPANA_ACTIVITY_CODEC(LiveQuestionCodec);
CAMPANA_ACTIVITY_CODEC(BoardCodec);
CAMPANA_ACTIVITY_CODEC(PollCodec);
CAMPANA_ACTIVITY_CODEC(ActionPlanCodec);

using ActivityCodecs =
    domain::TypeList<RaceCodec, CardSortCodec, DatingCodec, LiveQuestionCodec,
                     BoardCodec, PollCodec, ActionPlanCodec>;

inline bool EncodeActivityEvent(const domain::Event& event,
                                internal::pb::Event* out) {
  bool done = false;
  domain::ForEachType(ActivityCodecs{}, [&]<class C>() {
    done = done || C::EncodeEvent(event, out);
  });
  return done;
}

inline std::optional<domain::Result<domain::Event>> DecodeActivityEvent(
    const internal::pb::Event& event) {
  std::optional<domain::Result<domain::Event>> decoded;
  domain::ForEachType(ActivityCodecs{}, [&]<class C>() {
    if (!decoded) decoded = C::DecodeEvent(event);
  });
  return decoded;
}

inline std::optional<domain::Result<domain::Command>> DecodeActivityCommand(
    const internal::pb::Command& command) {
  std::optional<domain::Result<domain::Command>> decoded;
  domain::ForEachType(ActivityCodecs{}, [&]<class C>() {
    if (!decoded) decoded = C::DecodeCommand(command);
  });
  return decoded;
}

inline bool EncodeActivityDoc(const domain::WorkshopState& s,
                              const domain::DocKey& key,
                              internal::pb::Doc* out) {
  bool done = false;
  domain::ForEachType(ActivityCodecs{}, [&]<class C>() {
    done = done || C::EncodeDoc(s, key, out);
  });
  return done;
}

inline void SaveActivityStates(const domain::WorkshopState& s,
                               internal::pb::WorkshopState* out) {
  domain::ForEachType(ActivityCodecs{},
                      [&]<class C>() { C::SaveState(s, out); });
}

inline void LoadActivityStates(const internal::pb::WorkshopState& m,
                               domain::WorkshopState* out) {
  domain::ForEachType(ActivityCodecs{},
                      [&]<class C>() { C::LoadState(m, out); });
}

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_ACTIVITIES_REGISTRY_H_
