/** The seams for time: every reading of the clock and every delayed task goes through these, so tests control it. */
package io.clusterdeck.time;
