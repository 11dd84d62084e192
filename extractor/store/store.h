// store — the SQLite claim store, import, query and check. (Issue 5.)
#pragma once
