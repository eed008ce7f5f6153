#include "app/hub.h"

#include <algorithm>

#include "app/fanout.h"
#include "app/secrets.h"
#include "codec/log_codec.h"
#include "codec/view_codec.h"

namespace campana::app {
namespace {

using domain::Overloaded;
using domain::Rejection;

SharedBytes Share(std::string bytes) {
  return std::make_shared<const std::string>(std::move(bytes));
}

domain::Actor ActorOf(domain::Role role, domain::ParticipantId participant) {
  return {role, role == domain::Role::kParticipant ? participant : 0};
}

}  // namespace

WorkshopHub::WorkshopHub(store::WorkshopId id, std::string epoch,
                         int64_t created_at_ms, domain::Workshop workshop,
                         HubEnvironment env, HubOptions options)
    : id_(id),
      epoch_(std::move(epoch)),
      created_at_ms_(created_at_ms),
      workshop_(std::move(workshop)),
      env_(std::move(env)),
      options_(options),
      // Plans name the devices; any change in who receives what ends them.
      sessions_([this] { router_.ForgetPlans(); }),
      router_(sessions_, env_.multicast, workshop_.state()),
      gate_(workshop_.offset(),
            [this](SessionId session, const SharedBytes& frame,
                   bool makes_live) { Release(session, frame, makes_live); }),
      history_(options.history_entries, options.history_bytes) {
  const domain::Time now = env_.now();
  workshop_commands_ = {options_.workshop_command_burst, now};
  joins_ = {options_.join_burst, now};
  for (const auto& [p, person] : workshop_.state().participants)
    member_group_[p] = person.group;
  audience_index_.Rebuild(workshop_.state());
}

std::optional<Rejection> WorkshopHub::Attach(SessionId id,
                                             std::shared_ptr<SessionSink> sink,
                                             codec::Format format,
                                             uint64_t request_id,
                                             const codec::Hello& hello) {
  const domain::WorkshopState& state = workshop_.state();
  domain::ParticipantId participant = 0;
  switch (hello.role) {
    case domain::Role::kSystem:
      return Rejection::InvalidArgument(
          "say which role: participant, projector or facilitator");
    case domain::Role::kFacilitator:
      if (!OpensTheConsole(hello.facilitator_key)) {
        return Rejection::PermissionDenied(
            "the facilitator key is not right for this workshop");
      }
      break;
    case domain::Role::kProjector:
      break;  // with or without the secret: the view depends on it
    case domain::Role::kParticipant:
      if (!hello.resume_token.empty()) {
        auto it = state.by_token.find(hello.resume_token);
        if (it == state.by_token.end()) {
          return Rejection{
              domain::RejectionCode::kUnknownToken,
              "this device's place in the workshop is gone; join again"};
        }
        participant = it->second;
      }
      break;
  }

  const domain::Time now = env_.now();
  Session& session = sessions_.Add(id, std::move(sink), format, hello.role);
  session.commands = {options_.command_burst, now};
  if (hello.role == domain::Role::kFacilitator) {
    session.facilitator_key = hello.facilitator_key;
    session.console_link = ConsoleLinkOf(hello.facilitator_key).value_or(0);
  }
  if (hello.role == domain::Role::kProjector) {
    session.projector_key = hello.projector_key;
    session.trusted_projector =
        !state.projector_key.empty() &&
        SecretsEqual(hello.projector_key, state.projector_key);
  }
  const bool first_device =
      participant != 0 && sessions_.Bind(session, participant);
  domain::Visibility subscription = SubscriptionFor(session);

  codec::Welcome welcome{.request_id = request_id,
                         .role = hello.role,
                         .participant = participant,
                         .server_time = now,
                         .epoch = epoch_};

  // Resume: a device that has our stream up to L gets only what came after, if
  // history reaches back to L and what it may see has not changed since.
  const uint64_t durable = gate_.durable();
  std::optional<std::string> missed;
  if (hello.last_offset && hello.epoch == epoch_ &&
      *hello.last_offset <= durable &&
      durable - *hello.last_offset <= options_.max_resume_records) {
    auto changed = subscription_changed_at_.find(participant);
    // A projector without the secret may have had the staff's view before a
    // rotation: it starts again from a snapshot of the public view.
    const bool same_view =
        (participant == 0 || changed == subscription_changed_at_.end() ||
         changed->second <= *hello.last_offset) &&
        (hello.role != domain::Role::kProjector || session.trusted_projector);
    if (same_view)
      missed = history_.Since(*hello.last_offset, durable, subscription);
  }

  if (missed) {
    ++stats_.resumes;
    welcome.resumed = true;
    sessions_.Subscribe(session, std::move(subscription));
    Queue(durable, session, Share(codec::EncodeWelcome(welcome)));
    // A last, empty delta carries the offset the device is now at; each
    // document it missed comes once, in its latest form.
    missed->append(codec::EncodeDelta(epoch_, durable, {}));
    Queue(durable, session, Share(codec::CoalesceDelta(*missed)),
          /*makes_live=*/true);
  } else {
    Queue(workshop_.offset(), session, Share(codec::EncodeWelcome(welcome)));
    sessions_.Subscribe(session, std::move(subscription));
    QueueSnapshot(session);
  }
  if (first_device) SetConnected(participant, true, now);
  if (hello.role == domain::Role::kFacilitator)
    CountConsoles(session.console_link, now);
  return std::nullopt;
}

void WorkshopHub::Receive(SessionId id, const codec::Inbound& inbound) {
  Session* found = sessions_.Find(id);
  if (found == nullptr) return;
  Session& session = *found;
  const domain::Time now = env_.now();
  std::visit(Overloaded{
                 [&](const codec::Hello&) {
                   Queue(workshop_.offset(), session,
                         Share(codec::EncodeRejection(
                             inbound.request_id, 0,
                             Rejection::FailedPrecondition(
                                 "this connection has already said hello"))));
                 },
                 [&](const codec::Ping& ping) {
                   // Pings share the device's command budget; past it they go
                   // unanswered (the page pings again later).
                   if (!TakeToken(session, now)) return;
                   SendNow(session,
                           Share(codec::EncodePong(inbound.request_id,
                                                   ping.client_time_ms, now)));
                 },
                 [&](const domain::Command& command) {
                   RunCommand(session, inbound.request_id, inbound.client_seq,
                              command, now);
                 },
                 [&](const Rejection& rejection) {
                   ++stats_.rejections;
                   // Garbage past the budget gets no answer.
                   if (!TakeToken(session, now)) return;
                   Queue(
                       workshop_.offset(), session,
                       Share(codec::EncodeRejection(
                           inbound.request_id, inbound.client_seq, rejection)));
                 },
             },
             inbound.body);
}

void WorkshopHub::Detach(SessionId id) {
  const Session* leaving = sessions_.Find(id);
  if (leaving == nullptr) return;
  gate_.Forget(id);
  const std::optional<uint32_t> console =
      leaving->role == domain::Role::kFacilitator
          ? std::optional<uint32_t>(leaving->console_link)
          : std::nullopt;
  const domain::ParticipantId last_device_of = sessions_.Remove(id);
  if (console) CountConsoles(*console, env_.now());
  if (last_device_of != 0 &&
      workshop_.state().FindParticipant(last_device_of) != nullptr)
    SetConnected(last_device_of, false, env_.now());
}

domain::Result<domain::Decision> WorkshopHub::ExecuteSystem(
    const domain::Command& command, domain::Time now) {
  return Execute(domain::Actor::System(), 0, command, now);
}

void WorkshopHub::Tick(domain::Time now) {
  (void)ExecuteSystem(domain::cmd::Tick{}, now);
}

void WorkshopHub::ResetConnections() {
  std::vector<domain::ParticipantId> connected;
  for (const auto& [id, p] : workshop_.state().participants) {
    if (p.connected && !sessions_.HasDevices(id)) connected.push_back(id);
  }
  const domain::Time now = env_.now();
  for (domain::ParticipantId id : connected) SetConnected(id, false, now);
  // Consoles counted before a restart are gone with their connections.
  std::vector<uint32_t> links;
  for (const auto& [link, count] : workshop_.state().consoles_online)
    links.push_back(link);
  for (uint32_t link : links) CountConsoles(link, now);
}

std::vector<SessionId> WorkshopHub::CloseAll() {
  std::vector<SessionId> closed;
  sessions_.ForEach([&](Session& session) {
    closed.push_back(session.id);
    session.sink->Close();
  });
  return closed;
}

void WorkshopHub::RunCommand(Session& session, uint64_t request_id,
                             uint64_t client_seq,
                             const domain::Command& command, domain::Time now) {
  ++stats_.commands;
  auto reject = [&](const Rejection& rejection) {
    ++stats_.rejections;
    Queue(workshop_.offset(), session,
          Share(codec::EncodeRejection(request_id, client_seq, rejection)));
  };
  if (!TakeToken(session, now)) {
    reject(Rejection{domain::RejectionCode::kBusy,
                     "too many commands from this device; slow down"});
    return;
  }
  if (auto refused = Admit(session, command, now)) {
    reject(*refused);
    return;
  }
  const domain::Actor actor = ActorOf(session.role, session.participant());
  if (workshop_.IsDuplicate(actor, client_seq)) {
    ++stats_.duplicates;
    Queue(workshop_.offset(), session,
          Share(codec::EncodeAck({.request_id = request_id,
                                  .client_seq = client_seq,
                                  .offset = workshop_.offset(),
                                  .duplicate = true})));
    return;
  }
  auto result = Execute(actor, client_seq, command, now);
  if (!result.ok()) {
    reject(result.rejection());
    return;
  }
  const domain::Decision& decision = result.value();
  Queue(workshop_.offset(), session,
        Share(codec::EncodeAck({.request_id = request_id,
                                .client_seq = client_seq,
                                .offset = workshop_.offset(),
                                .joined = decision.joined,
                                .resume_token = decision.resume_token,
                                .created_id = decision.created_id,
                                .personal_code = decision.personal_code,
                                .last_client_seq = decision.last_client_seq})));
  if (decision.joined != 0 && session.participant() == 0)
    Bind(session, decision.joined, now);
}

domain::Result<domain::Decision> WorkshopHub::Execute(
    const domain::Actor& actor, uint64_t client_seq,
    const domain::Command& command, domain::Time now) {
  auto decision = workshop_.Decide(actor, command, now, *env_.rng);
  if (decision.ok() && !decision.value().events.empty()) {
    ApplyAndPersist(domain::LogRecord{.offset = workshop_.offset() + 1,
                                      .at = now,
                                      .actor = actor,
                                      .client_seq = client_seq,
                                      .events = decision.value().events});
  }
  return decision;
}

void WorkshopHub::ApplyAndPersist(const domain::LogRecord& record) {
  domain::Touched touched;
  workshop_.Apply(record, touched);
  const domain::WorkshopState& state = workshop_.state();

  store::WriteBatch batch;
  batch.records.push_back(
      {id_, record.offset, codec::EncodeRecord(record), fence_});
  if (options_.snapshot_every != 0 &&
      record.offset % options_.snapshot_every == 0) {
    batch.snapshots.push_back(
        {id_, record.offset, codec::EncodeState(state), fence_});
  }
  env_.persist(std::move(batch));

  RenderedRecord rendered{record.offset, {}};
  rendered.docs.reserve(touched.keys().size());
  std::vector<domain::ParticipantId> people;
  for (const domain::DocKey& key : touched.keys()) {
    domain::Visibility visibility = domain::VisibilityOf(state, key);
    audience_index_.Add(key, visibility);
    std::string doc =
        visibility.empty() ? std::string() : codec::EncodeDoc(state, key);
    rendered.docs.push_back({key, std::move(visibility), std::move(doc)});
    if (key.kind == domain::DocKind::kParticipant)
      people.push_back(static_cast<domain::ParticipantId>(key.id));
  }
  gate_.Hold(std::move(rendered));
  if (touched.keys().contains({domain::DocKind::kAccess, 0})) {
    RecheckProjectors();
    RecheckFacilitators();
  }
  for (domain::ParticipantId p : people) FollowGroupChange(p, record.offset);
}

void WorkshopHub::FollowGroupChange(domain::ParticipantId participant,
                                    uint64_t offset) {
  const domain::Participant* person =
      workshop_.state().FindParticipant(participant);
  constexpr domain::GroupNumber kGone = UINT32_MAX;  // no longer a participant
  const domain::GroupNumber group = person ? person->group : kGone;
  auto known = member_group_.find(participant);
  if (known != member_group_.end() && known->second == group) return;
  subscription_changed_at_[participant] = offset;
  if (person) {
    member_group_[participant] = group;
  } else {
    member_group_.erase(participant);
  }
  const std::vector<SessionId> devices =
      person ? sessions_.DevicesOf(participant) : sessions_.Unbind(participant);
  for (SessionId id : devices) UpdateSubscription(*sessions_.Find(id));
}

void WorkshopHub::Bind(Session& session, domain::ParticipantId participant,
                       domain::Time now) {
  const bool first_device = sessions_.Bind(session, participant);
  UpdateSubscription(session);
  if (first_device) SetConnected(participant, true, now);
}

void WorkshopHub::UpdateSubscription(Session& session) {
  domain::Visibility subscription = SubscriptionFor(session);
  if (subscription == session.subscription()) return;
  domain::Visibility before = session.subscription();
  sessions_.Subscribe(session, std::move(subscription));
  QueueViewChange(session, before);
}

void WorkshopHub::QueueViewChange(Session& session,
                                  const domain::Visibility& before) {
  const domain::Visibility& after = session.subscription();
  const domain::Visibility lost = Minus(before, after);
  const domain::Visibility changed = Union(lost, Minus(after, before));
  // A staff audience gained or lost (a projector's secret rotated): rare, and
  // nearly everything changes; a snapshot says it.
  if (!AudienceIndex::Covers(changed)) return QueueSnapshot(session);

  // Only documents of an audience the session gained or lost can change sides:
  // its participant's own, its groups'.
  const domain::WorkshopState& state = workshop_.state();
  const std::vector<domain::DocKey> lost_docs = audience_index_.MayHave(lost);
  std::vector<std::string> patches;
  for (const domain::DocKey& key : audience_index_.MayHave(changed)) {
    const domain::Visibility visibility = domain::VisibilityOf(state, key);
    const bool seen_now = domain::Intersects(visibility, after);
    if (seen_now && !domain::Intersects(visibility, before)) {
      patches.push_back(codec::EncodePutPatch(codec::EncodeDoc(state, key)));
    } else if (!seen_now &&
               std::binary_search(lost_docs.begin(), lost_docs.end(), key)) {
      // The device may have it through an audience it left: even when the
      // document left that audience too, in a record whose removal now goes
      // only to the audience's devices.
      patches.push_back(codec::EncodeRemovePatch(key));
    }
  }
  if (patches.empty()) return;
  std::vector<const std::string*> parts;
  parts.reserve(patches.size());
  for (const std::string& patch : patches) parts.push_back(&patch);
  Queue(workshop_.offset(), session,
        Share(codec::EncodeDelta(epoch_, workshop_.offset(), parts)));
}

void WorkshopHub::QueueSnapshot(Session& session) {
  const domain::WorkshopState& state = workshop_.state();
  const domain::Visibility& subscription = session.subscription();
  std::vector<std::string> docs;
  auto add = [&](const domain::DocKey& key) {
    if (domain::Intersects(domain::VisibilityOf(state, key), subscription))
      docs.push_back(codec::EncodeDoc(state, key));
  };
  if (AudienceIndex::Covers(subscription)) {
    for (const domain::DocKey& key : audience_index_.MayHave(subscription))
      add(key);
  } else {
    domain::ForEachDoc(state, add);
  }
  sessions_.SetLive(session, false);
  ++stats_.snapshots_sent;
  Queue(workshop_.offset(), session,
        Share(codec::EncodeSnapshot(epoch_, workshop_.offset(), docs)),
        /*makes_live=*/true);
}

void WorkshopHub::Queue(uint64_t offset, Session& session, SharedBytes frame,
                        bool makes_live) {
  gate_.Queue(session.id, offset, std::move(frame), makes_live);
}

void WorkshopHub::Release(SessionId id, const SharedBytes& frame,
                          bool makes_live) {
  Session* session = sessions_.Find(id);
  if (session == nullptr) return;  // Detach forgets its frames; never here
  SendNow(*session, frame);
  if (makes_live) sessions_.SetLive(*session, true);
}

void WorkshopHub::SendNow(Session& session, const SharedBytes& frame) {
  ++stats_.frames_sent;
  SendFrame(*session.sink, session.format, frame);
}

void WorkshopHub::OnDurable(uint64_t offset) {
  // Each session's own frames first (the Ack to the sender), then the deltas.
  std::vector<RenderedRecord> records = gate_.Advance(offset);
  if (records.empty()) return;
  std::vector<Part> parts = router_.Encode(records, epoch_, offset);
  // What devices were sent is known now: the index forgets the audiences a
  // document has left (kept until here so that a change of view could remove
  // it from a device that had it).
  const domain::WorkshopState& state = workshop_.state();
  for (const RenderedRecord& record : records) {
    for (const RenderedDoc& doc : record.docs) {
      audience_index_.Settle(doc.key, doc.visibility,
                             domain::VisibilityOf(state, doc.key));
    }
  }
  ++stats_.flushes;
  stats_.frames_sent += router_.Route(parts);
  history_.Add(records.front().offset, offset, std::move(parts));
}

bool WorkshopHub::TakeToken(Session& session, domain::Time now) {
  return session.commands.Take(options_.commands_per_second,
                               options_.command_burst, now);
}

std::optional<Rejection> WorkshopHub::Admit(const Session& session,
                                            const domain::Command& command,
                                            domain::Time now) {
  if (session.role != domain::Role::kParticipant) return std::nullopt;
  // A newcomer's Join is held by the join budget alone: a keynote room that
  // joins in seconds must not spend the commands it votes with a minute later.
  // A Join that only repeats an earlier one (its Ack was lost) adds nobody,
  // and counts as any command.
  if (const auto* join = std::get_if<domain::cmd::Join>(&command);
      join != nullptr && session.participant() == 0 &&
      !workshop_.state().by_join_key.contains(join->join_key)) {
    if (joins_.Take(options_.joins_per_second, options_.join_burst, now))
      return std::nullopt;
    return Rejection{domain::RejectionCode::kBusy,
                     "many people are joining at once; trying again"};
  }
  if (!workshop_commands_.Take(options_.workshop_commands_per_second,
                               options_.workshop_command_burst, now)) {
    return Rejection{domain::RejectionCode::kBusy,
                     "the workshop is busy; trying again"};
  }
  return std::nullopt;
}

domain::Visibility WorkshopHub::SubscriptionFor(const Session& session) const {
  if (session.role == domain::Role::kProjector && !session.trusted_projector)
    return {domain::Audience::Everyone()};
  return domain::SubscriptionOf(workshop_.state(), session.role,
                                session.participant());
}

void WorkshopHub::RecheckProjectors() {
  const std::string& key = workshop_.state().projector_key;
  sessions_.ForEach([&](Session& session) {
    if (session.role != domain::Role::kProjector) return;
    const bool trusted =
        !key.empty() && SecretsEqual(session.projector_key, key);
    if (trusted == session.trusted_projector) return;
    session.trusted_projector = trusted;
    UpdateSubscription(session);
  });
}

bool WorkshopHub::OpensTheConsole(std::string_view key) const {
  return ConsoleLinkOf(key).has_value();
}

std::optional<uint32_t> WorkshopHub::ConsoleLinkOf(std::string_view key) const {
  const domain::WorkshopState& state = workshop_.state();
  if (SecretsEqual(key, state.facilitator_key)) return 0;
  for (const auto& [id, link] : state.facilitator_links) {
    if (!link.revoked && SecretsEqual(key, link.key)) return id;
  }
  return std::nullopt;
}

void WorkshopHub::CountConsoles(uint32_t link, domain::Time now) {
  uint32_t count = 0;
  sessions_.ForEach([&](Session& session) {
    if (session.role == domain::Role::kFacilitator &&
        session.console_link == link)
      ++count;
  });
  (void)ExecuteSystem(domain::cmd::CountConsoles{link, count}, now);
}

void WorkshopHub::RecheckFacilitators() {
  // Closed now, not when the revocation is durable: a console that may no
  // longer be open should not see one more change. Its Hello is refused from
  // here on.
  sessions_.ForEach([&](Session& session) {
    if (session.role == domain::Role::kFacilitator &&
        !OpensTheConsole(session.facilitator_key))
      session.sink->Close();
  });
}

void WorkshopHub::SetConnected(domain::ParticipantId participant,
                               bool connected, domain::Time now) {
  (void)ExecuteSystem(domain::cmd::SetConnected{participant, connected}, now);
}

}  // namespace campana::app
