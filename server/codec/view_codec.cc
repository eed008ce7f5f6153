#include "codec/view_codec.h"

#include <algorithm>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "codec/activities/registry.h"
#include "codec/convert.h"

namespace campana::codec {

using internal::ToProto;
namespace pb = internal::pb;

std::string EncodeDoc(const domain::WorkshopState& s,
                      const domain::DocKey& key) {
  pb::Doc doc;
  doc.set_kind(static_cast<pb::DocKind>(key.kind));
  doc.set_id(key.id);
  if (EncodeActivityDoc(s, key, &doc)) return doc.SerializeAsString();
  switch (key.kind) {
    case domain::DocKind::kWorkshop: {
      pb::WorkshopInfo* m = doc.mutable_workshop();
      m->set_code(s.code);
      m->set_title(s.title);
      m->set_language(s.language);
      m->set_previous_code(s.previous);
      break;
    }
    case domain::DocKind::kParticipant:
      ToProto(s.participants.at(static_cast<domain::ParticipantId>(key.id)),
              doc.mutable_participant());
      break;
    case domain::DocKind::kGroups:
      ToProto(s.groups, doc.mutable_groups());
      break;
    case domain::DocKind::kTimer:
      ToProto(s.timers.at(static_cast<domain::TimerId>(key.id)),
              doc.mutable_timer());
      break;
    case domain::DocKind::kBell: {
      const domain::Scope scope{static_cast<domain::Scope::Kind>(key.id >> 32),
                                static_cast<uint32_t>(key.id)};
      ToProto(s.bells.at(scope), doc.mutable_bell());
      break;
    }
    case domain::DocKind::kAgenda: {
      pb::Agenda* m = doc.mutable_agenda();
      for (const domain::AgendaItem& item : s.agenda) {
        pb::Agenda::Item* out = m->add_items();
        out->set_title(item.title);
        out->set_duration_ms(static_cast<uint32_t>(item.duration.count()));
        out->set_activity(static_cast<pb::Agenda::Activity>(item.activity));
        out->set_prompt(item.prompt);
        out->set_notes(item.notes);
        out->set_group_count(item.group_count);
        out->set_day(item.day);
        for (const domain::TeamSpec& team : item.teams) {
          pb::Groups::Team* proposed = out->add_teams();
          proposed->set_name(team.name);
          for (const domain::GroupNumber group : team.groups)
            proposed->add_groups(group);
        }
      }
      m->set_current(s.agenda_current);
      m->set_scene(static_cast<pb::Scene>(s.scene));
      m->set_first_editable(s.FirstEditableAgendaIndex());
      break;
    }
    case domain::DocKind::kAnswer:
      ToProto(s.answers.at(static_cast<domain::AnswerId>(key.id)),
              doc.mutable_answer());
      break;
    case domain::DocKind::kShownAnswer: {
      const domain::Answer& a =
          s.answers.at(static_cast<domain::AnswerId>(key.id));
      pb::ShownAnswer* m = doc.mutable_shown_answer();
      m->set_id(a.id);
      m->set_agenda_index(a.agenda_index);
      m->set_text(a.text);
      auto shown = s.answer_displays.find(a.agenda_index);
      const domain::Participant* author = s.FindParticipant(a.participant);
      if (shown != s.answer_displays.end() && shown->second &&
          author != nullptr) {
        m->set_author_name(author->display_name);
      }
      break;
    }
    case domain::DocKind::kAccess: {
      pb::Access* m = doc.mutable_access();
      m->set_projector_key(s.projector_key);
      for (const auto& [id, ban] : s.bans) {
        pb::Access::Banned* banned = m->add_banned();
        banned->set_participant_id(id);
        banned->set_display_name(ban.display_name);
      }
      for (const auto& [id, link] : s.facilitator_links)
        ToProto(link, m->add_facilitators());
      for (const auto& [link, count] : s.consoles_online) {
        pb::ConsolesOnline* online = m->add_consoles_online();
        online->set_link_id(link);
        online->set_count(count);
      }
      break;
    }
    default:  // an activity's: encoded above
      break;
  }
  return doc.SerializeAsString();
}

std::string EncodePutPatch(const std::string& doc) {
  // Patch.put is field 1, length-delimited: write its tag and length before the
  // bytes rather than parse the document again.
  std::string out;
  out.reserve(doc.size() + 6);
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.WriteTag(google::protobuf::internal::WireFormatLite::MakeTag(
        pb::Patch::kPutFieldNumber,
        google::protobuf::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    coded.WriteVarint32(static_cast<uint32_t>(doc.size()));
    coded.WriteRaw(doc.data(), static_cast<int>(doc.size()));
  }
  return out;
}

std::string EncodeRemovePatch(const domain::DocKey& key) {
  pb::Patch patch;
  patch.mutable_remove()->set_kind(static_cast<pb::DocKind>(key.kind));
  patch.mutable_remove()->set_id(key.id);
  return patch.SerializeAsString();
}

}  // namespace campana::codec
