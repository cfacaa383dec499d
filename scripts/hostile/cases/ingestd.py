"""ingestd: POST /v1/ingest?name=&mode= with a multipart `file` part (SPEC §5, §2.5)."""
import uuid

from hostile import case, rep

B = "hostile" + uuid.uuid4().hex[:8]
MP = {"Content-Type": "multipart/form-data; boundary=" + B}


def form(csv, field="file", filename="x.csv"):
    """A multipart body holding `csv` (bytes or str) in one part."""
    if isinstance(csv, str):
        csv = csv.encode("utf-8")
    return (("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
             "Content-Type: text/csv\r\n\r\n" % (B, field, filename)).encode() + csv
            + ("\r\n--%s--\r\n" % B).encode())


WIDE = ",".join("c%d" % i for i in range(1025))

CASES = [
    case("name missing", "POST", "/v1/ingest", body=form("a\n1\n"), headers=MP, expect=400),
    case("name empty", "POST", "/v1/ingest?name=", body=form("a\n1\n"), headers=MP, expect=400),
    case("name with a capital", "POST", "/v1/ingest?name=Workers", body=form("a\n1\n"), headers=MP, expect=400),
    case("name starting with a digit", "POST", "/v1/ingest?name=1x", body=form("a\n1\n"), headers=MP,
         expect=400),
    case("name over 63 characters", "POST", "/v1/ingest?name=" + rep("a", 64), body=form("a\n1\n"),
         headers=MP, expect=400),
    case("name with a quote (SQL)", "POST", "/v1/ingest?name=x%22%3B%20DROP%20TABLE%20y", body=form("a\n1\n"),
         headers=MP, expect=400),
    case("name a path", "POST", "/v1/ingest?name=..%2F_catalog", body=form("a\n1\n"), headers=MP, expect=400),
    case("unknown mode", "POST", "/v1/ingest?name=hostile_x&mode=merge", body=form("a\n1\n"), headers=MP,
         expect=400),
    case("not multipart", "POST", "/v1/ingest?name=hostile_x", body="a\n1\n",
         headers={"Content-Type": "text/csv"}, expect=400),
    case("multipart without a boundary", "POST", "/v1/ingest?name=hostile_x", body=form("a\n1\n"),
         headers={"Content-Type": "multipart/form-data"}, expect=400),
    case("no file part", "POST", "/v1/ingest?name=hostile_x", body=form("a\n1\n", field="other"), headers=MP,
         expect=400),
    case("empty file", "POST", "/v1/ingest?name=hostile_x", body=form(""), headers=MP, expect=400),
    case("header only", "POST", "/v1/ingest?name=hostile_x", body=form("a,b\n"), headers=MP, expect=400),
    case("duplicate header names", "POST", "/v1/ingest?name=hostile_x", body=form("id,ID\n1,2\n"), headers=MP,
         expect=400),
    case("empty header name", "POST", "/v1/ingest?name=hostile_x", body=form("id,,x\n1,2,3\n"), headers=MP,
         expect=400),
    case("too many columns", "POST", "/v1/ingest?name=hostile_x", body=form(WIDE + "\n" + WIDE + "\n"),
         headers=MP, expect=413),
    case("header name over 255 bytes", "POST", "/v1/ingest?name=hostile_x",
         body=form("id," + rep("é", 128) + "\n1,2\n"), headers=MP, expect=422),
    case("wrong field count", "POST", "/v1/ingest?name=hostile_x", body=form("a,b\n1,2\n3\n"), headers=MP,
         expect=400),
    case("unterminated quote", "POST", "/v1/ingest?name=hostile_x", body=form("a,b\n1,\"two\n"), headers=MP,
         expect=400),
    case("text after a closing quote", "POST", "/v1/ingest?name=hostile_x", body=form("a\n\"x\"y\n"),
         headers=MP, expect=400),
    case("invalid UTF-8", "POST", "/v1/ingest?name=hostile_x", body=form(b"a\n\xff\xfe\n"), headers=MP,
         expect=400),
    case("a NUL byte", "POST", "/v1/ingest?name=hostile_x", body=form(b"a\nx\x00y\n"), headers=MP, expect=400),
    case("append of another set of columns to the seed", "POST", "/v1/ingest?name=hostile_seed&mode=append",
         body=form("id,other\n4,x\n"), headers=MP, expect=409),
    case("append of a value that does not fit the seed's type", "POST",
         "/v1/ingest?name=hostile_seed&mode=append", body=form("id,name,wage\nfour,x,1.5\n"), headers=MP,
         expect=409),
    case("replace of the seed with another schema", "POST", "/v1/ingest?name=hostile_seed&mode=replace",
         body=form("id,name,wage\n4,x,not-a-wage\n"), headers=MP, expect=409),
    case("body declared over max_ingest_bytes", "POST", "/v1/ingest?name=hostile_x", body=b"",
         declared_length=268435457, headers=MP, expect=413),
    case("a multipart part that never ends", "POST", "/v1/ingest?name=hostile_x",
         body=("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\na\n1\n" % B),
         headers=MP, expect=400),
    case("GET on the ingest route", "GET", "/v1/ingest?name=hostile_seed", expect=405),
    case("DELETE on the ingest route", "DELETE", "/v1/ingest?name=hostile_seed", expect=405),
    case("unknown ingestd route", "POST", "/v1/ingest/now?name=hostile_x", body=form("a\n1\n"), headers=MP,
         expect=404),
    case("no token", "POST", "/v1/ingest?name=hostile_x", body=form("a\n1\n"), headers=MP, auth=False,
         expect=401),
]
