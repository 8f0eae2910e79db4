package org.imisfhir.programme.mpi.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Compares names case- and accent-insensitively, tolerating small spelling differences: two names are
 * {@link Result#SIMILAR} when they differ by one edit (insertion, deletion, substitution or swap of two
 * neighbours; two edits for names of 8 letters or more) or, from 4 letters, sound the same (Double Metaphone);
 * names of 3 letters or fewer must be equal.
 */
public final class NameComparison {

	public enum Result { EXACT, SIMILAR, DIFFERENT }

	private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

	private NameComparison() {}

	/** Lower case, accents and everything but letters removed: "N'Dri-Kouamé" becomes "ndrikouame". */
	public static String normalise(String name) {
		if (name == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
	}

	/** The words of a name, normalised, of at least 2 letters. */
	static List<String> words(String name) {
		List<String> words = new ArrayList<>();
		if (name != null) {
			for (String word : name.split("[\\s\\-']+")) {
				String normalised = normalise(word);
				if (normalised.length() >= 2) {
					words.add(normalised);
				}
			}
		}
		return words;
	}

	public static Result compare(String a, String b) {
		String x = normalise(a);
		String y = normalise(b);
		if (x.isEmpty() || y.isEmpty()) {
			return Result.DIFFERENT;
		}
		if (x.equals(y)) {
			return Result.EXACT;
		}
		int longest = Math.max(x.length(), y.length());
		int allowed = longest >= 8 ? 2 : longest >= 4 ? 1 : 0;
		if (editDistance(x, y) <= allowed) {
			return Result.SIMILAR;
		}
		if (Math.min(x.length(), y.length()) >= 4 && METAPHONE.doubleMetaphone(x).equals(METAPHONE.doubleMetaphone(y))) {
			return Result.SIMILAR;
		}
		return Result.DIFFERENT;
	}

	/**
	 * Given names: {@link Result#EXACT} when all given names read as one string are equal; {@link Result#SIMILAR}
	 * when those strings are similar or when one word of each side is equal or similar.
	 */
	public static Result compareGiven(List<String> a, List<String> b) {
		String x = String.join(" ", a);
		String y = String.join(" ", b);
		Result whole = compare(x, y);
		if (whole != Result.DIFFERENT) {
			return whole;
		}
		for (String wordA : words(x)) {
			for (String wordB : words(y)) {
				if (wordA.length() >= 3 && wordB.length() >= 3 && compare(wordA, wordB) != Result.DIFFERENT) {
					return Result.SIMILAR;
				}
			}
		}
		return Result.DIFFERENT;
	}

	/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
	static int editDistance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}
}
