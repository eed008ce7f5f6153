#include "store/event_store.h"

#include "store/postgres_event_store.h"
#include "store/sqlite_event_store.h"

namespace campana::store {

std::unique_ptr<EventStore> EventStore::Open(const std::string& location,
                                             Status* status) {
  if (location.starts_with("postgresql://") ||
      location.starts_with("postgres://"))
    return PostgresEventStore::Open(location, status);
  return SqliteEventStore::Open(location, status);
}

}  // namespace campana::store
