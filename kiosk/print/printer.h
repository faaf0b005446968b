// Sends a document to a CUPS queue (libcups2). Blocking: call it off the UI thread.
#pragma once

#include <optional>
#include <string>

namespace kiosk {

struct PrintJob {
  std::string queue;     // the CUPS destination name ([printer] queue)
  std::string title;     // the job's name in the queue (never what a resident typed)
  std::string document;  // the file to print (a PDF from render_pdf)
  std::string mime_type = "application/pdf";
};

// Whether the queue exists on the CUPS server this process talks to (CUPS_SERVER honoured).
bool printer_available(const std::string& queue, std::string* error = nullptr);

// Submits the job. Returns the CUPS job id, or nullopt with a one-line reason in *error.
std::optional<int> print_document(const PrintJob& job, std::string* error);

}  // namespace kiosk
