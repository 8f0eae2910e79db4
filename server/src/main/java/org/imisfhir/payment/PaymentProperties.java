package org.imisfhir.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the batch run under {@code imis.payment.*} (documented in docs/configuration.md). */
@ConfigurationProperties(prefix = "imis.payment")
public class PaymentProperties {

	/** Claims remunerated in one work chunk (one database transaction). */
	private int chunkSize = 200;

	/**
	 * How often (milliseconds) a node with a batch run under way asks the job framework to move it on, instead of
	 * waiting for its once-a-minute maintenance pass.
	 */
	private long pollMillis = 1000;

	public int getChunkSize() {
		return chunkSize;
	}

	public void setChunkSize(int chunkSize) {
		this.chunkSize = Math.max(1, chunkSize);
	}

	public long getPollMillis() {
		return pollMillis;
	}

	public void setPollMillis(long pollMillis) {
		this.pollMillis = pollMillis;
	}
}
