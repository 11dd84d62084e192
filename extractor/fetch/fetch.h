// fetch — HTTP(S) and file:// retrieval on libcurl's multi interface.
// (Comes with the fetch work: issue 4.)
#pragma once
