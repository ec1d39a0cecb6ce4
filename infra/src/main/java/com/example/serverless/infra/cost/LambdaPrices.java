package com.example.serverless.infra.cost;

/**
 * Lambda's on-demand prices, us-east-1, first tier (https://aws.amazon.com/lambda/pricing/, read 2026-12-02):
 * requests $0.20 per million; compute $0.0000166667 per GB-second on x86_64, $0.0000133334 on arm64. SnapStart for
 * Java has no cache or restore charge. Free tier and savings plans are left out: this prices the work, not a bill.
 */
public enum LambdaPrices {

    X86_64(0.0000166667),
    ARM64(0.0000133334);

    public static final double PER_MILLION_REQUESTS = 0.20;

    private final double perGbSecond;

    LambdaPrices(double perGbSecond) {
        this.perGbSecond = perGbSecond;
    }

    public double perGbSecond() {
        return perGbSecond;
    }

    /** Dollars for a million invocations of this billed duration and memory size. */
    public double perMillionInvocations(double billedMillis, int memorySizeMb) {
        double gbSeconds = billedMillis / 1000.0 * memorySizeMb / 1024.0;
        return PER_MILLION_REQUESTS + 1_000_000 * gbSeconds * perGbSecond;
    }
}
