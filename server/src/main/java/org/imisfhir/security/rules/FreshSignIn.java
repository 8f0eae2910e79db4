package org.imisfhir.security.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a user signed in recently enough for a sensitive step (a voucher's status change, Cameroon SOP: the
 * user re-enters their password first). The time of sign-in is the token's {@code auth_time}; a token that does
 * not tell it is never fresh. A sign-in time slightly ahead of the server's clock (the identity provider's clock
 * runs ahead) counts as just now.
 */
public final class FreshSignIn {

	private FreshSignIn() {}

	/**
	 * @param signedInAt when the user last entered their credentials, if known
	 * @param now        the time of the request
	 * @param maxAge     how long ago the sign-in may be, at most (inclusive)
	 */
	public static boolean fresh(Optional<Instant> signedInAt, Instant now, Duration maxAge) {
		if (signedInAt.isEmpty()) {
			return false;
		}
		Duration age = Duration.between(signedInAt.get(), now);
		return age.isNegative() || age.compareTo(maxAge) <= 0;
	}
}
