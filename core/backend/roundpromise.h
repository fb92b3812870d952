#pragma once

#include <QPromise>

namespace shardscope {

// The promise of one round of asynchronous calls (a renewal round, a clean-up pass, an
// assignment run): started at once, finished exactly once, by the last answer or by whoever
// abandons the round. Rounds derive from it and add their own state.
struct RoundPromise
{
    QPromise<void> promise;
    bool finished = false;

    RoundPromise() { promise.start(); }
    void finish()
    {
        if (finished)
            return;
        finished = true;
        promise.finish();
    }
};

} // namespace shardscope
