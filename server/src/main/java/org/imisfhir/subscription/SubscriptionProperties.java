package org.imisfhir.subscription;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** FHIR Subscription settings under {@code imis.subscriptions.*} (documented in docs/configuration.md). */
@ConfigurationProperties(prefix = "imis.subscriptions")
public class SubscriptionProperties {

	/** Match writes against active Subscriptions and deliver notifications; off: Subscriptions are refused. */
	private boolean enabled = true;
	/** Subscription.channel.type values accepted (FHIR R4 codes); rest-hook is the only one delivered today. */
	private List<String> channelTypes = new ArrayList<>(List.of("rest-hook"));
	/** Further attempts after a failed delivery (0: none). */
	private int retryCount = 5;
	/** Wait before the first further attempt (milliseconds); each later wait is twice the previous one. */
	private long retryDelayMs = 2000;
	/** Longest wait between two attempts (milliseconds). */
	private long retryMaxDelayMs = 60000;
	/** Regular expression every rest-hook endpoint must match (e.g. {@code ^https://.*}); empty: any http(s) URL. */
	private String endpointPattern = "";

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getChannelTypes() {
		return channelTypes;
	}

	public void setChannelTypes(List<String> channelTypes) {
		this.channelTypes = channelTypes;
	}

	public int getRetryCount() {
		return retryCount;
	}

	public void setRetryCount(int retryCount) {
		this.retryCount = Math.max(0, retryCount);
	}

	public long getRetryDelayMs() {
		return retryDelayMs;
	}

	public void setRetryDelayMs(long retryDelayMs) {
		this.retryDelayMs = Math.max(1, retryDelayMs);
	}

	public long getRetryMaxDelayMs() {
		return retryMaxDelayMs;
	}

	public void setRetryMaxDelayMs(long retryMaxDelayMs) {
		this.retryMaxDelayMs = Math.max(1, retryMaxDelayMs);
	}

	public String getEndpointPattern() {
		return endpointPattern;
	}

	public void setEndpointPattern(String endpointPattern) {
		this.endpointPattern = endpointPattern;
	}
}
