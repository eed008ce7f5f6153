#include "codec/view_codec.h"

#include <algorithm>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "codec/convert.h"
#include "domain/card_score.h"

namespace campana::codec {

using internal::ToProto;
namespace pb = internal::pb;

std::string EncodeDoc(const domain::WorkshopState& s,
                      const domain::DocKey& key) {
  pb::Doc doc;
  doc.set_kind(static_cast<pb::DocKind>(key.kind));
  doc.set_id(key.id);
  switch (key.kind) {
    case domain::DocKind::kWorkshop: {
      pb::WorkshopInfo* m = doc.mutable_workshop();
      m->set_code(s.code);
      m->set_title(s.title);
      m->set_language(s.language);
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
      }
      m->set_current(s.agenda_current);
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
    case domain::DocKind::kRace:
      ToProto(s, doc.mutable_race());
      break;
    case domain::DocKind::kCardDeck: {
      pb::CardDeck* deck = doc.mutable_card_deck();
      ToProto(s.card_sort, deck);
      // In id order: ids are random, so the order says nothing about the
      // answer.
      std::sort(
          deck->mutable_cards()->begin(), deck->mutable_cards()->end(),
          [](const pb::Card& a, const pb::Card& b) { return a.id() < b.id(); });
      break;
    }
    case domain::DocKind::kCardGroup: {
      const auto group = static_cast<domain::GroupNumber>(key.id);
      ToProto(group, s.card_sort.CardsOf(group), doc.mutable_card_group());
      break;
    }
    case domain::DocKind::kDating: {
      const domain::DatingState& d = s.dating;
      pb::Dating* m = doc.mutable_dating();
      m->set_agenda_index(d.agenda_index);
      m->set_round(static_cast<uint32_t>(d.rounds.size()));
      m->set_phase(static_cast<pb::Dating::Phase>(d.phase));
      m->set_phase_ends_at_ms(domain::ToUnixMillis(d.phase_ends_at));
      m->set_share_ms(static_cast<uint32_t>(d.config.share.count()));
      m->set_speaker_prompt(d.config.speaker_prompt);
      for (const auto& stem : d.config.listener_stems)
        m->add_listener_stems(stem);
      m->set_collect_notes(d.config.collect_notes);
      m->set_avoid_same_group(d.config.avoid_same_group);
      m->set_call_url_template(d.config.call_url_template);
      break;
    }
    case domain::DocKind::kDatingUnit: {
      const auto round = static_cast<uint32_t>(key.id >> 20);
      const auto index = static_cast<uint32_t>(key.id & 0xfffff);
      const domain::DatingUnit& unit =
          s.dating.rounds.at(round - 1).units.at(index);
      pb::DatingUnit* m = doc.mutable_dating_unit();
      ToProto(unit, m);
      m->set_round(round);
      m->set_unit(index);
      for (pb::DatingUnit::Member& member : *m->mutable_members()) {
        if (const domain::Participant* p =
                s.FindParticipant(member.participant_id())) {
          member.set_display_name(p->display_name);
          member.set_presence(ToProto(p->presence));
        }
      }
      if (unit.remote)
        m->set_call_url(CallUrl(s.dating.config.call_url_template, s.code,
                                round, index + 1));
      break;
    }
    case domain::DocKind::kDatingNote: {
      const auto who = static_cast<domain::ParticipantId>(key.id >> 20);
      const auto round = static_cast<uint32_t>(key.id & 0xfffff);
      const domain::DatingNote& note = s.dating.notes.at({who, round});
      pb::DatingNote* m = doc.mutable_dating_note();
      m->set_participant_id(who);
      m->set_round(round);
      m->set_text(note.text);
      m->set_saved_at_ms(domain::ToUnixMillis(note.saved_at));
      const int unit = s.dating.UnitOf(who, round);
      if (unit >= 0) {
        for (domain::ParticipantId p : s.dating.rounds[round - 1]
                                           .units[static_cast<size_t>(unit)]
                                           .members) {
          const domain::Participant* partner = s.FindParticipant(p);
          if (p != who && partner != nullptr)
            m->add_partner_names(partner->display_name);
        }
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
      break;
    }
    case domain::DocKind::kCardResults: {
      const domain::CardSortState& sort = s.card_sort;
      pb::CardResults* m = doc.mutable_card_results();
      m->mutable_reference()->Add(sort.reference.begin(), sort.reference.end());
      std::vector<domain::RankedScore> scores;
      for (domain::GroupNumber g = 1; g <= s.groups.count(); ++g) {
        scores.push_back(
            {g, domain::ScoreOrder(sort.CardsOf(g).order, sort.reference), 0});
      }
      for (const domain::RankedScore& r :
           domain::RankScores(std::move(scores))) {
        pb::CardResults::Score* score = m->add_scores();
        score->set_group(r.group);
        score->set_exact(r.score.exact);
        score->set_discordant_pairs(r.score.discordant);
        score->set_score(r.score.score);
        score->set_rank(r.rank);
      }
      break;
    }
  }
  return doc.SerializeAsString();
}

std::string CallUrl(std::string_view url_template, std::string_view workshop,
                    uint32_t round, uint32_t pair) {
  if (url_template.empty()) return "";
  std::string url(url_template);
  auto replace = [&url](std::string_view name, std::string_view value) {
    for (size_t at; (at = url.find(name)) != std::string::npos;)
      url.replace(at, name.size(), value);
  };
  replace("{workshop}", workshop);
  replace("{round}", std::to_string(round));
  replace("{pair}", std::to_string(pair));
  return url;
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
