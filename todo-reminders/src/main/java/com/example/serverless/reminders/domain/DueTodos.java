package com.example.serverless.reminders.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The todos table as this job reads it: by due date, through an index, a page at a time (never a Scan). */
public interface DueTodos {

    /** The todos due on {@code date}, open and done alike, after the position {@code after} of a previous page. */
    DuePage dueOn(LocalDate date, Optional<String> after, int pageSize);
}
