package org.imisfhir.conformance;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;

/**
 * A write by the server itself that is not validated against the profiles again: values the server computed on
 * resources already validated when they were stored (a batch run's status, remuneration and run reference on
 * claims and their responses, decision 0033), and catalogue rows of a shape whose first row passed the profiles
 * in the same import (decision 0034). At those volumes the validation cost more than everything else of the
 * write. The required profile is still declared. A client cannot reach it: the mark lives in server-side request
 * data only.
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
