package dev.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far callers can rely on a public type of grader's exported packages across releases.
 *
 * <p>Every public type of an exported package carries it. {@link Status#STABLE} types change only in a
 * compatible way within a major version; {@link Status#EXPERIMENTAL} types may change in any release while
 * their design settles; {@link Status#INTERNAL} types are public only because grader's own modules share them,
 * and may change or go at any time. Members inherit the status of their type unless they carry their own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@Api(status = Api.Status.STABLE)
public @interface Api {

    /** The promise this type (or member) makes. */
    Status status();

    /** The promises an API element can make. */
    enum Status {
        /** Changes only compatibly within a major version. */
        STABLE,
        /** Meant for use, but may change in any release while its design settles. */
        EXPERIMENTAL,
        /** Public for grader's own modules only; may change or disappear in any release. */
        INTERNAL
    }
}
