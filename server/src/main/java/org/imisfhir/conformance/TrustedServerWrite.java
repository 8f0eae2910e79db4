package org.imisfhir.conformance;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;

/**
 * A write by the server itself that only changes values the server computed on resources already validated when
 * they were stored (a batch run's status, remuneration and run reference on claims and their responses). Such
 * writes are not validated against the profiles again (decision 0033): at a batch run's volume the validation cost
 * more than everything else of the write, and a client cannot reach it, since the mark lives in server-side
 * request data only.
 */
public final class TrustedServerWrite {

	private static final String MARK = TrustedServerWrite.class.getName();

	private TrustedServerWrite() {}

	/** A system request whose writes skip the profile validation. */
	public static SystemRequestDetails request() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.getUserData().put(MARK, Boolean.TRUE);
		return request;
	}

	static boolean isTrusted(RequestDetails request) {
		return request instanceof SystemRequestDetails && Boolean.TRUE.equals(request.getUserData().get(MARK));
	}
}
