package lanchat.doctor;

/** One of the doctor's checks: a pure judgement of the facts gathered, so it can be tested without sockets. */
interface Check {
    CheckResult judge(Facts facts);
}
