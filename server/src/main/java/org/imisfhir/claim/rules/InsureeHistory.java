package org.imisfhir.claim.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the insuree (and, for policy-level amounts, the family) used before this claim. The lists
 * may hold several versions of one claim, oldest first; each claim is counted once, with its latest
 * version (rule-decisions 18).
 */
public record InsureeHistory(List<EarlierLine> lines, List<EarlierClaim> claims, List<AllowanceUsage> usage) {

	public static final InsureeHistory EMPTY = new InsureeHistory(List.of(), List.of(), List.of());

	public InsureeHistory {
		lines = List.copyOf(lines);
		claims = List.copyOf(claims);
		usage = List.copyOf(usage);
	}

	public List<EarlierClaim> claimsOncePerCode() {
		Map<String, EarlierClaim> latest = new LinkedHashMap<>();
		claims.forEach(claim -> latest.put(claim.claimCode(), claim));
		return new ArrayList<>(latest.values());
	}

	public List<AllowanceUsage> usageOncePerClaim() {
		Map<List<String>, AllowanceUsage> latest = new LinkedHashMap<>();
		usage.forEach(record -> latest.put(List.of(record.claimCode(), record.policyId()), record));
		return new ArrayList<>(latest.values());
	}
}
