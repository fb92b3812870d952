#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace shardscope {

// Calls `callback(result)` on `context`'s thread once `future` has a result. Unlike
// QFuture::then(context, ...) it is safe when `context` dies first: the watcher is its child, so
// the callback is simply dropped.
template<typename T, typename Callback>
void onResult(QObject *context, const QFuture<T> &future, Callback &&callback)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context,
                     [watcher, callback = std::forward<Callback>(callback)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             callback(watcher->future().result());
                     });
    watcher->setFuture(future);
}

} // namespace shardscope
