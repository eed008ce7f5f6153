// The special members of Event and Command, compiled here once rather than in
// every file that copies, moves or destroys one (events.h says why).

#include "domain/commands.h"
#include "domain/events.h"

namespace campana::domain {

Event::Event() = default;
Event::Event(const Event&) = default;
Event::Event(Event&&) noexcept = default;
Event& Event::operator=(const Event&) = default;
Event& Event::operator=(Event&&) noexcept = default;
Event::~Event() = default;
bool Event::operator==(const Event& other) const {
  return static_cast<const EventVariant&>(*this) ==
         static_cast<const EventVariant&>(other);
}

Command::Command() = default;
Command::Command(const Command&) = default;
Command::Command(Command&&) noexcept = default;
Command& Command::operator=(const Command&) = default;
Command& Command::operator=(Command&&) noexcept = default;
Command::~Command() = default;

}  // namespace campana::domain
