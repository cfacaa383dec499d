# The flags every fleet JVM runs with (the launcher, the benchmarks): one home, sourced.
#
# nio access for Arrow, native access for DuckDB and ONNX; SerialGC keeps the idle footprint of ten
# small JVMs low on a 2-core machine.
#
# The Tier4 thresholds are ten times HotSpot's defaults: C2, the optimizing compiler, compiles a
# method once it stays hot well past start-up instead of compiling what Spring's start runs a few
# thousand times and never again. Measured on 2 cores with the start-up caches (docs/BENCHMARKS.md,
# "Boot"): pathway's CPU to healthy 3.4 s -> 2.6 s, queryd's 4.45 s -> 3.3 s, the same wall time
# alone; a fleet boot is CPU-bound, so the whole fleet's time to healthy falls with it. Thirty
# times gave no more; C1 alone (TieredStopAtLevel=1) gave 2.0 s but gives up C2 for good.
#
# -Dspring.aot.enabled=true runs a service from the bean definitions Spring's AOT processing
# generated at build time (the parent pom's process-aot), instead of evaluating every
# auto-configuration's conditions by reflection at start: pathway's context 1.0-1.2 s -> 0.3-0.5 s,
# 0.25 s less to healthy (docs/BENCHMARKS.md, "Boot"). Tests start services without it.
#
# -Xms64m: without it the JVM's initial heap is 1/64 of the machine's memory (384 MiB on 24 GiB),
# at or above every service's -Xmx, so each heap starts at its maximum. From a small heap every
# service's RSS was lower at the start and after a 5-minute soak (gateway 251 -> 178 MiB, queryd
# 330 -> 242; docs/BENCHMARKS.md, "Soak"), and a boot costs the same. It does not stop SerialGC from
# growing the old generation for what young collections promote: catalogd, whose registers keep
# Iceberg metadata alive across many of them, still reaches its -Xmx under load.
LH_JVM_FLAGS=(-Dspring.aot.enabled=true -Xms64m --add-opens=java.base/java.nio=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000)

# The Vector API (Panama SIMD), for vectord alone: its HNSW distance math is the one hot loop that
# needs it. Any --add-modules makes the JDK 25 start-up cache drop its archived module graph
# ("archivedBootLayer not available"), and with it the linked classes and lambdas of the training
# run: pathway over 100,000 traces took 3.6-3.9 s to healthy with the module, 2.6-2.8 s without, in
# one run at load 9-11 (docs/BENCHMARKS.md, "Boot"). pathway's Lucene (BM25 over short texts)
# runs its scalar code.
LH_VECTOR_FLAGS=(--add-modules jdk.incubator.vector)

# lh_jvm_flags SVC: the flags of one fleet service's JVM (its heap aside).
lh_jvm_flags() {
  if [[ "$1" == vectord ]]; then echo "${LH_VECTOR_FLAGS[*]} ${LH_JVM_FLAGS[*]}"; else echo "${LH_JVM_FLAGS[*]}"; fi
}
