// A bounded queue between threads: push() waits while it is full, pop() waits while it is empty,
// and close() wakes everyone (push then drops its item and returns false; pop drains what is left
// and then returns std::nullopt). Used to hand blocks of rows from a reading thread to a writing
// one and the emptied blocks back, so no allocation crosses threads row by row.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace tongxin {

template <typename T>
class Channel {
 public:
  explicit Channel(size_t capacity) : m_capacity(capacity) {}

  // False when the channel was closed (the item is dropped).
  bool push(T item) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
    if (m_closed) {
      return false;
    }
    m_items.push_back(std::move(item));
    m_changed.notify_all();
    return true;
  }

  // The oldest item; std::nullopt once the channel is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_closed || !m_items.empty(); });
    if (m_items.empty()) {
      return std::nullopt;
    }
    T item = std::move(m_items.front());
    m_items.pop_front();
    m_changed.notify_all();
    return item;
  }

  void close() {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
  }

 private:
  const size_t m_capacity;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<T> m_items;
  bool m_closed = false;
};

}  // namespace tongxin
