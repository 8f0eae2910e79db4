package org.imisfhir.conformance;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** What the conformance loader installed: the profiles of each resource type and every canonical URL. */
@Component
public class ConformanceRegistry {

	private final Map<String, Set<String>> profilesByType = new TreeMap<>();
	private final Set<String> canonicals = new TreeSet<>();

	synchronized void recordProfile(String resourceType, String canonicalUrl) {
		profilesByType.computeIfAbsent(resourceType, t -> new TreeSet<>()).add(canonicalUrl);
	}

	synchronized void recordCanonical(String canonicalUrl) {
		canonicals.add(canonicalUrl);
	}

	public synchronized Map<String, Set<String>> profilesByType() {
		Map<String, Set<String>> copy = new TreeMap<>();
		profilesByType.forEach((type, urls) -> copy.put(type, Collections.unmodifiableSet(new TreeSet<>(urls))));
		return copy;
	}

	public synchronized boolean isInstalled(String canonicalUrl) {
		return canonicals.contains(canonicalUrl);
	}
}
