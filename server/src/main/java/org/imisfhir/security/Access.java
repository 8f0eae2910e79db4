package org.imisfhir.security;

/** What a role may do with a resource type. */
public enum Access {
	/** read, vread, search, history */
	READ,
	/** create, update, patch */
	WRITE,
	DELETE
}
