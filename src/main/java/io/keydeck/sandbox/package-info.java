/**
 * The embedded sandbox gateway: a MultiRoute-compatible server on 127.0.0.1 with demo data and
 * simulated traffic, so a new user sees a working console without an account. Uses only the model.
 */
package io.keydeck.sandbox;
