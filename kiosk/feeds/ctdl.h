// CTDL, the Credential Transparency Description Language (Credential Engine's JSON-LD, as the
// Credential Registry publishes it): ceterms:LearningProgram, ceterms:Course,
// ceterms:LearningOpportunityProfile and the credentials (ceterms:Credential and its subclasses:
// ceterms:Certificate, ceterms:BachelorDegree, ceterms:ApprenticeshipCertificate, …) become
// training programs. A document is one object, an array, an @graph (the registry's "graph"
// resources, where organizations and blank nodes sit beside the program), a registry envelope
// ({"decoded_resource": …}) or a search result ({"data": […]}), in any mix.
//
// Text is a language map ({"en-US": …, "es": …}), a string or {"@value", "@language"}. The
// provider is the offering (else owning) organization when the document names it; credentials
// that require a program name what completing it earns; CIP codes come from
// instructionalProgramType, SOC/O*NET-SOC codes from occupationType.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_ctdl(std::string_view body, const std::string& source_url);

// True when a JSON document's opening bytes are CTDL: a "ceterms:" key or type, or the CTDL
// @context (credreg.net/ctdl, purl.org/ctdl).
bool looks_like_ctdl(std::string_view head);

}  // namespace kiosk::feeds
