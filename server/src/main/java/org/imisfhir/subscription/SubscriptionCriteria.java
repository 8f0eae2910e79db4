package org.imisfhir.subscription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.springframework.stereotype.Component;

/**
 * Reads a Subscription's criteria ({@code Type?search}): one resource type this server stores, and a search
 * HAPI can run on it (known parameters, well-formed values). HAPI's own validator checks the same later, but
 * its messages are neither coded nor translated.
 */
@Component
public class SubscriptionCriteria {

	private final FhirContext fhirContext;
	private final DaoRegistry daoRegistry;
	private final MatchUrlService matchUrlService;

	public SubscriptionCriteria(FhirContext fhirContext, DaoRegistry daoRegistry, MatchUrlService matchUrlService) {
		this.fhirContext = fhirContext;
		this.daoRegistry = daoRegistry;
		this.matchUrlService = matchUrlService;
	}

	/** The criteria's resource type and its search parameters (name as written, one entry per occurrence). */
	public record Parsed(String resourceType, Map<String, List<String>> parameters) {}

	public Parsed parse(String criteria) {
		if (criteria == null || criteria.isBlank()) {
			throw invalid(criteria, "Subscription.criteria is empty; write it as Type?parameters, e.g. ClaimResponse?outcome=complete");
		}
		String trimmed = criteria.trim();
		int question = trimmed.indexOf('?');
		String type = question < 0 ? trimmed : trimmed.substring(0, question);
		if (type.isEmpty() || type.contains("/") || type.contains("*") || type.contains("[")) {
			throw invalid(criteria, "write it as Type?parameters with one resource type, e.g. ClaimResponse?outcome=complete");
		}
		if (!fhirContext.getResourceTypes().contains(type) || !daoRegistry.isResourceTypeSupported(type)) {
			throw invalid(criteria, type + " is not a resource type this server stores");
		}
		String query = question < 0 ? "" : trimmed.substring(question + 1);
		try {
			matchUrlService.translateMatchUrl(type + "?" + query, fhirContext.getResourceDefinition(type));
		} catch (RuntimeException unusable) {
			throw invalid(criteria, withoutHapiCode(unusable.getMessage()));
		}
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		UrlUtil.parseQueryString(query).forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
		return new Parsed(type, parameters);
	}

	private static ImisRuleException invalid(String criteria, String why) {
		return new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.CRITERIA_INVALID, criteria, why);
	}

	/** HAPI prefixes its messages with "HAPI-0488: "; the code means nothing to a subscriber. */
	private static String withoutHapiCode(String message) {
		if (message == null) {
			return "";
		}
		return message.replaceAll("HAPI-\\d+: ", "");
	}
}
