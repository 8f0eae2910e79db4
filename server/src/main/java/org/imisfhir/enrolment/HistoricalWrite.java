package org.imisfhir.enrolment;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;

/**
 * A server write that records the past as it was (the openIMIS migration): contributions are stored with the
 * policy's historical status and dates, without the activation rule that applies to a contribution entered today.
 */
public final class HistoricalWrite {

	private static final String MARK = "imis.historical-write";

	private HistoricalWrite() {}

	public static SystemRequestDetails request() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.getUserData().put(MARK, Boolean.TRUE);
		return request;
	}

	public static boolean isHistorical(RequestDetails request) {
		return request instanceof SystemRequestDetails && Boolean.TRUE.equals(request.getUserData().get(MARK));
	}
}
