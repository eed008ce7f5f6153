#ifndef CAMPANA_DOMAIN_AGENDA_ITEM_H_
#define CAMPANA_DOMAIN_AGENDA_ITEM_H_

#include <string>
#include <vector>

#include "domain/time.h"
#include "domain/types.h"

namespace campana::domain {

struct TeamSpec {
  std::string name;
  std::vector<GroupNumber> groups;
  bool operator==(const TeamSpec&) const = default;
};

struct TimerTemplate {
  std::string name;
  Millis duration{0};
  Scope scope;
  bool operator==(const TimerTemplate&) const = default;
};

enum class ActivityKind : uint8_t {
  kPresentation = 1,
  kGroups = 2,
  kQuestion = 3
};

// One step of the run of show, as the template describes it.
struct AgendaItem {
  std::string title;
  Millis duration{0};
  std::string notes;
  ActivityKind activity = ActivityKind::kPresentation;
  uint32_t group_count = 0;     // kGroups: suggested number of groups
  std::vector<TeamSpec> teams;  // kGroups: suggested teams
  std::string prompt;           // kQuestion
  std::vector<TimerTemplate>
      timers;  // created when the agenda reaches the item
  bool operator==(const AgendaItem&) const = default;
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_AGENDA_ITEM_H_
