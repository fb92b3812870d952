#pragma once

namespace shardscope {

class Clock;

// `clock`, or the system clock when it is null: for classes that take an optional Clock
// (tests inject a ManualClock, everyone else passes nothing).
const Clock &clockOrSystem(const Clock *clock);

} // namespace shardscope
