#ifndef CAMPANA_DOMAIN_ACTIVITIES_REGISTRY_H_
#define CAMPANA_DOMAIN_ACTIVITIES_REGISTRY_H_

// Every activity the engine runs, listed once (see domain/activity.h). Adding
// one: its folder, its #include here, its name in the list.

#include "domain/activities/action_plan/action_plan.h"
#include "domain/activities/board/board.h"
#include "domain/activities/cards/cards.h"
#include "domain/activities/dating/dating.h"
#include "domain/activities/live_question/live_question.h"
#include "domain/activities/poll/poll.h"
#include "domain/activities/race/race.h"

namespace campana::domain {

using Activities = TypeList<RaceActivity, CardSortActivity, DatingActivity,
                            LiveQuestionActivity, BoardActivity, PollActivity,
                            ActionPlanActivity>;

template <class List>
struct ActivityListsT;
template <class... A>
struct ActivityListsT<TypeList<A...>> {
  using Commands = Concat<typename A::CommandTypes...>;
  using Events = Concat<typename A::EventTypes...>;
};
// Every activity's commands, then every activity's events, in list order.
using ActivityCommands = ActivityListsT<Activities>::Commands;
using ActivityEvents = ActivityListsT<Activities>::Events;

template <class T, class List>
struct OwnerOfT;
template <class T>
struct OwnerOfT<T, TypeList<>> {
  using type = void;
};
template <class T, class A, class... Rest>
struct OwnerOfT<T, TypeList<A, Rest...>> {
  using type =
      std::conditional_t<kContains<T, typename A::CommandTypes> ||
                             kContains<T, typename A::EventTypes>,
                         A, typename OwnerOfT<T, TypeList<Rest...>>::type>;
};
// The activity that lists command or event T (void: none, i.e. the core's).
template <class T>
using OwnerOf = typename OwnerOfT<T, Activities>::type;

// Calls f.template operator()<A>() for every activity A, in list order.
template <class F>
constexpr void ForEachActivity(F&& f) {
  ForEachType(Activities{}, std::forward<F>(f));
}

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_REGISTRY_H_
