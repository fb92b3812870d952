#pragma once

// The two small stream-settings dialogs, for callers that open both.
#include "maxrecordsizedialog.h"
#include "streammodedialog.h"
