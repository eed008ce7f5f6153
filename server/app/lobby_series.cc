// A series of workshops (a programme over several sessions): the next one
// starts with the people of the one before, and the organizer sees who came to
// what.

#include <algorithm>

#include "app/lobby.h"
#include "domain/attendance.h"

namespace campana::app {
namespace {

// The series a workshop belongs to: its first workshop's code.
const std::string& SeriesOfState(const domain::WorkshopState& s) {
  return s.series.empty() ? s.code : s.series;
}

}  // namespace

domain::Result<WorkshopAccess> Lobby::NextWorkshop(
    std::string_view code, std::optional<codec::WorkshopTemplate> plan,
    std::string_view title, bool keep_groups) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  const domain::WorkshopState& before = hub.value()->workshop().state();
  domain::cmd::CreateWorkshop next{
      .title = plan ? plan->title : before.title,
      .language = plan ? plan->language : before.language,
      .agenda = plan ? plan->agenda : before.agenda,
      .series = SeriesOfState(before),
      .previous = before.code};
  if (!title.empty()) next.title = title;
  for (const auto& [id, p] : before.participants) {
    next.roster.push_back(
        domain::ev::ParticipantJoined{.participant = id,
                                      .display_name = p.display_name,
                                      .presence = p.presence,
                                      .resume_token = p.resume_token,
                                      .join_key = p.join_key,
                                      .personal_code = p.personal_code});
    if (keep_groups && p.group != 0)
      next.groups.assignments.emplace_back(id, p.group);
  }
  if (keep_groups) {
    next.groups.kinds = before.groups.kinds;
    next.teams = before.groups.teams;
  }
  return CreateWorkshop(std::move(next));
}

domain::Result<codec::SeriesAttendance> Lobby::SeriesOf(std::string_view code) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  const std::string series = SeriesOfState(hub.value()->workshop().state());

  // Every workshop of the series, oldest first (each loaded, as the list does).
  for (const store::WorkshopRow& row : env_.reader->ListWorkshops())
    (void)Find(row.code);
  std::vector<const WorkshopHub*> members;
  for (const auto& [id, member] : hubs_) {
    if (SeriesOfState(member->workshop().state()) == series)
      members.push_back(member.get());
  }
  std::stable_sort(members.begin(), members.end(),
                   [](const WorkshopHub* a, const WorkshopHub* b) {
                     return a->created_at_ms() < b->created_at_ms();
                   });

  codec::SeriesAttendance out{.series = series};
  std::map<std::string, size_t> person_of_token;  // -> index in out.people
  for (const WorkshopHub* member : members) {
    const domain::WorkshopState& s = member->workshop().state();
    codec::SeriesAttendance::Workshop w{
        .code = s.code,
        .title = s.title,
        .created_at_ms = member->created_at_ms()};
    for (const domain::AgendaItem& item : s.agenda)
      w.days = std::max(w.days, item.day);
    w.present_per_day.assign(w.days, 0);
    for (const auto& [id, p] : s.participants) {
      const std::vector<uint32_t> days = domain::DaysIn(p.days_present);
      for (uint32_t day : days) {
        if (day <= w.days) ++w.present_per_day[day - 1];
      }
      auto [it, fresh] =
          person_of_token.try_emplace(p.resume_token, out.people.size());
      if (fresh) out.people.push_back({});
      codec::SeriesAttendance::Person& person = out.people[it->second];
      person.display_name = p.display_name;  // the newest workshop's name
      person.visits.push_back({s.code, days});
    }
    out.workshops.push_back(std::move(w));
  }
  std::stable_sort(out.people.begin(), out.people.end(),
                   [](const auto& a, const auto& b) {
                     return a.display_name < b.display_name;
                   });
  return out;
}

}  // namespace campana::app
