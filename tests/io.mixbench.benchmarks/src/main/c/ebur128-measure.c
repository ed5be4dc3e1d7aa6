/*
 * Measures one WAV file with libebur128 (modes I | LRA | SAMPLE_PEAK | TRUE_PEAK), the peer that
 * releng/compare-libebur128.sh and releng/benchmark.sh compare Mixbench with.
 *
 *   ebur128-measure FILE.wav
 *
 * Prints "key<TAB>value" lines: version (of libebur128), integrated_LUFS, loudness_range_LU, sample_peak_dBFS
 * and true_peak_dBTP (the highest over all channels; -inf for silence), then channels, sample_rate_Hz, frames,
 * the wall-clock seconds spent decoding (decode_s) and inside libebur128 (measure_s), and the CPU seconds of this
 * one-threaded process inside libebur128 (measure_cpu_s). Channels use libebur128's default map, so a mono
 * file is one channel (no dual-mono +3 dB) and 5.1 is L R C LFE Ls Rs with the LFE unused.
 *
 * The WAV reader is our own (libsndfile is not available), kept independent of Mixbench's decoder so a decoder
 * bug cannot hide: RIFF/WAVE with PCM 8/16/24/32-bit or IEEE float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE.
 */
#include <ebur128.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BLOCK_FRAMES 8192
#define FORMAT_PCM 1
#define FORMAT_FLOAT 3
#define FORMAT_EXTENSIBLE 0xFFFE

struct wav {
    FILE *in;
    unsigned channels;
    unsigned long rate;
    unsigned bits;
    int is_float;
    uint64_t data_bytes; /* UINT64_MAX: read to the end of the file */
};

static int fail(const char *file, const char *message) {
    fprintf(stderr, "ebur128-measure: %s: %s\n", file, message);
    return 2;
}

static uint32_t u32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned u16(const unsigned char *p) {
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* CPU time of this thread: on a machine shared with other builds it varies less than wall-clock time. */
static double cpu_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Reads the header up to the start of the samples; returns NULL on success, else what is wrong. */
static const char *open_wav(struct wav *w) {
    unsigned char h[40];
    int have_fmt = 0;
    if (fread(h, 1, 12, w->in) != 12 || memcmp(h, "RIFF", 4) != 0 || memcmp(h + 8, "WAVE", 4) != 0) {
        return "not a RIFF/WAVE file";
    }
    for (;;) {
        if (fread(h, 1, 8, w->in) != 8) {
            return "no data chunk";
        }
        uint32_t size = u32(h + 4);
        if (memcmp(h, "fmt ", 4) == 0) {
            if (size < 16 || size > sizeof h || fread(h, 1, size, w->in) != size) {
                return "malformed fmt chunk";
            }
            unsigned tag = u16(h);
            w->channels = u16(h + 2);
            w->rate = u32(h + 4);
            w->bits = u16(h + 14);
            if (tag == FORMAT_EXTENSIBLE) {
                if (size < 40) {
                    return "malformed WAVE_FORMAT_EXTENSIBLE chunk";
                }
                tag = u16(h + 24); /* the sub-format GUID starts with the format code */
            }
            if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
                return "only PCM and IEEE float samples are supported";
            }
            w->is_float = tag == FORMAT_FLOAT;
            if (w->is_float ? w->bits != 32 && w->bits != 64 : w->bits % 8 != 0 || w->bits < 8 || w->bits > 32) {
                return "unsupported bits per sample";
            }
            if (w->channels == 0 || w->rate == 0) {
                return "no channels or no sample rate";
            }
            have_fmt = 1;
            if (size & 1) {
                fgetc(w->in);
            }
        } else if (memcmp(h, "data", 4) == 0) {
            if (!have_fmt) {
                return "data chunk before fmt chunk";
            }
            /* Writers that stream leave 0 or 0xFFFFFFFF here: read to the end then. */
            w->data_bytes = size == 0 || size == 0xFFFFFFFFu ? UINT64_MAX : size;
            return NULL;
        } else if (fseek(w->in, (long)size + (size & 1), SEEK_CUR) != 0) {
            return "truncated chunk";
        }
    }
}

/* Decodes up to BLOCK_FRAMES frames into interleaved floats; returns the frames read. */
static size_t read_frames(struct wav *w, unsigned char *raw, float *out) {
    size_t bytes_per_sample = w->bits / 8;
    size_t frame_bytes = bytes_per_sample * w->channels;
    size_t want = BLOCK_FRAMES;
    if (w->data_bytes / frame_bytes < want) {
        want = (size_t)(w->data_bytes / frame_bytes);
    }
    size_t frames = fread(raw, frame_bytes, want, w->in);
    if (w->data_bytes != UINT64_MAX) {
        w->data_bytes -= frames * frame_bytes;
    }
    size_t samples = frames * w->channels;
    const unsigned char *p = raw;
    for (size_t i = 0; i < samples; i++, p += bytes_per_sample) {
        if (w->is_float && w->bits == 32) {
            float f;
            memcpy(&f, p, 4); /* little-endian host assumed (x86-64, arm64) */
            out[i] = f;
        } else if (w->is_float) {
            double d;
            memcpy(&d, p, 8);
            out[i] = (float)d;
        } else if (w->bits == 8) {
            out[i] = (float)((int)p[0] - 128) / 128.0f;
        } else {
            /* Little-endian integer left-aligned in 32 bits, then scaled so full scale is 1.0. */
            uint32_t v = 0;
            for (size_t b = 0; b < bytes_per_sample; b++) {
                v |= (uint32_t)p[b] << (8 * (4 - bytes_per_sample + b));
            }
            out[i] = (float)((double)(int32_t)v / 2147483648.0);
        }
    }
    return frames;
}

static double db(double linear) {
    return linear > 0 ? 20.0 * log10(linear) : -INFINITY;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: ebur128-measure FILE.wav\n");
        return 2;
    }
    const char *file = argv[1];
    struct wav w = {0};
    w.in = fopen(file, "rb");
    if (w.in == NULL) {
        return fail(file, "cannot open");
    }
    const char *error = open_wav(&w);
    if (error != NULL) {
        fclose(w.in);
        return fail(file, error);
    }
    ebur128_state *st = ebur128_init(w.channels, w.rate,
            EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_SAMPLE_PEAK | EBUR128_MODE_TRUE_PEAK);
    unsigned char *raw = malloc((size_t)BLOCK_FRAMES * w.channels * (w.bits / 8));
    float *samples = malloc((size_t)BLOCK_FRAMES * w.channels * sizeof(float));
    if (st == NULL || raw == NULL || samples == NULL) {
        fclose(w.in);
        return fail(file, "out of memory or unsupported channel count / sample rate");
    }
    double decode_s = 0;
    double measure_s = 0;
    double measure_cpu_s = 0;
    uint64_t total = 0;
    int status = 0;
    for (;;) {
        double t0 = now_s();
        size_t frames = read_frames(&w, raw, samples);
        double t1 = now_s();
        decode_s += t1 - t0;
        if (frames == 0) {
            break;
        }
        double c1 = cpu_s();
        if (ebur128_add_frames_float(st, samples, frames) != EBUR128_SUCCESS) {
            status = fail(file, "ebur128_add_frames_float failed");
            break;
        }
        measure_cpu_s += cpu_s() - c1;
        measure_s += now_s() - t1;
        total += frames;
    }
    if (ferror(w.in)) {
        status = fail(file, "read error");
    }
    double t2 = now_s();
    double c2 = cpu_s();
    double integrated = -INFINITY;
    double range = 0;
    double sample_peak = 0;
    double true_peak = 0;
    if (ebur128_loudness_global(st, &integrated) != EBUR128_SUCCESS
            || ebur128_loudness_range(st, &range) != EBUR128_SUCCESS) {
        status = fail(file, "libebur128 could not compute loudness");
    }
    for (unsigned c = 0; c < w.channels; c++) {
        double sp = 0;
        double tp = 0;
        if (ebur128_sample_peak(st, c, &sp) != EBUR128_SUCCESS || ebur128_true_peak(st, c, &tp) != EBUR128_SUCCESS) {
            status = fail(file, "libebur128 could not compute peaks");
        }
        sample_peak = sp > sample_peak ? sp : sample_peak;
        true_peak = tp > true_peak ? tp : true_peak;
    }
    measure_cpu_s += cpu_s() - c2;
    measure_s += now_s() - t2;
    if (status == 0) {
        int major = 0;
        int minor = 0;
        int patch = 0;
        ebur128_get_version(&major, &minor, &patch);
        printf("version\t%d.%d.%d\n", major, minor, patch);
        printf("integrated_LUFS\t%.4f\n", integrated);
        printf("loudness_range_LU\t%.4f\n", range);
        printf("sample_peak_dBFS\t%.4f\n", db(sample_peak));
        printf("true_peak_dBTP\t%.4f\n", db(true_peak));
        printf("channels\t%u\n", w.channels);
        printf("sample_rate_Hz\t%lu\n", w.rate);
        printf("frames\t%llu\n", (unsigned long long)total);
        printf("decode_s\t%.6f\n", decode_s);
        printf("measure_s\t%.6f\n", measure_s);
        printf("measure_cpu_s\t%.6f\n", measure_cpu_s);
    }
    ebur128_destroy(&st);
    free(raw);
    free(samples);
    fclose(w.in);
    return status;
}
