import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  Rng,
  deriveSeed,
  hashJson,
  sha256Hex
} from "./chunk-XXUPUARK.js";
import {
  DatasetError,
  EmptyDataError,
  MissingColumnError,
  NonNumericError,
  UnseenLabelError,
  displayPath
} from "./chunk-2PM7NPGU.js";
import {
  ensureBackend
} from "./chunk-5ZKIV7AL.js";
import {
  ConfigError,
  TrialError,
  __commonJS,
  __require,
  __toESM,
  errorText,
  show
} from "./chunk-BSN4SUU4.js";

// node_modules/jpeg-js/lib/encoder.js
var require_encoder = __commonJS({
  "node_modules/jpeg-js/lib/encoder.js"(exports, module) {
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var btoa = btoa || function(buf) {
      return Buffer.from(buf).toString("base64");
    };
    function JPEGEncoder(quality) {
      var self = this;
      var fround = Math.round;
      var ffloor = Math.floor;
      var YTable = new Array(64);
      var UVTable = new Array(64);
      var fdtbl_Y = new Array(64);
      var fdtbl_UV = new Array(64);
      var YDC_HT;
      var UVDC_HT;
      var YAC_HT;
      var UVAC_HT;
      var bitcode = new Array(65535);
      var category = new Array(65535);
      var outputfDCTQuant = new Array(64);
      var DU = new Array(64);
      var byteout = [];
      var bytenew = 0;
      var bytepos = 7;
      var YDU = new Array(64);
      var UDU = new Array(64);
      var VDU = new Array(64);
      var clt = new Array(256);
      var RGB_YUV_TABLE = new Array(2048);
      var currentQuality;
      var ZigZag = [
        0,
        1,
        5,
        6,
        14,
        15,
        27,
        28,
        2,
        4,
        7,
        13,
        16,
        26,
        29,
        42,
        3,
        8,
        12,
        17,
        25,
        30,
        41,
        43,
        9,
        11,
        18,
        24,
        31,
        40,
        44,
        53,
        10,
        19,
        23,
        32,
        39,
        45,
        52,
        54,
        20,
        22,
        33,
        38,
        46,
        51,
        55,
        60,
        21,
        34,
        37,
        47,
        50,
        56,
        59,
        61,
        35,
        36,
        48,
        49,
        57,
        58,
        62,
        63
      ];
      var std_dc_luminance_nrcodes = [0, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
      var std_dc_luminance_values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
      var std_ac_luminance_nrcodes = [0, 0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 125];
      var std_ac_luminance_values = [
        1,
        2,
        3,
        0,
        4,
        17,
        5,
        18,
        33,
        49,
        65,
        6,
        19,
        81,
        97,
        7,
        34,
        113,
        20,
        50,
        129,
        145,
        161,
        8,
        35,
        66,
        177,
        193,
        21,
        82,
        209,
        240,
        36,
        51,
        98,
        114,
        130,
        9,
        10,
        22,
        23,
        24,
        25,
        26,
        37,
        38,
        39,
        40,
        41,
        42,
        52,
        53,
        54,
        55,
        56,
        57,
        58,
        67,
        68,
        69,
        70,
        71,
        72,
        73,
        74,
        83,
        84,
        85,
        86,
        87,
        88,
        89,
        90,
        99,
        100,
        101,
        102,
        103,
        104,
        105,
        106,
        115,
        116,
        117,
        118,
        119,
        120,
        121,
        122,
        131,
        132,
        133,
        134,
        135,
        136,
        137,
        138,
        146,
        147,
        148,
        149,
        150,
        151,
        152,
        153,
        154,
        162,
        163,
        164,
        165,
        166,
        167,
        168,
        169,
        170,
        178,
        179,
        180,
        181,
        182,
        183,
        184,
        185,
        186,
        194,
        195,
        196,
        197,
        198,
        199,
        200,
        201,
        202,
        210,
        211,
        212,
        213,
        214,
        215,
        216,
        217,
        218,
        225,
        226,
        227,
        228,
        229,
        230,
        231,
        232,
        233,
        234,
        241,
        242,
        243,
        244,
        245,
        246,
        247,
        248,
        249,
        250
      ];
      var std_dc_chrominance_nrcodes = [0, 0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
      var std_dc_chrominance_values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
      var std_ac_chrominance_nrcodes = [0, 0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 119];
      var std_ac_chrominance_values = [
        0,
        1,
        2,
        3,
        17,
        4,
        5,
        33,
        49,
        6,
        18,
        65,
        81,
        7,
        97,
        113,
        19,
        34,
        50,
        129,
        8,
        20,
        66,
        145,
        161,
        177,
        193,
        9,
        35,
        51,
        82,
        240,
        21,
        98,
        114,
        209,
        10,
        22,
        36,
        52,
        225,
        37,
        241,
        23,
        24,
        25,
        26,
        38,
        39,
        40,
        41,
        42,
        53,
        54,
        55,
        56,
        57,
        58,
        67,
        68,
        69,
        70,
        71,
        72,
        73,
        74,
        83,
        84,
        85,
        86,
        87,
        88,
        89,
        90,
        99,
        100,
        101,
        102,
        103,
        104,
        105,
        106,
        115,
        116,
        117,
        118,
        119,
        120,
        121,
        122,
        130,
        131,
        132,
        133,
        134,
        135,
        136,
        137,
        138,
        146,
        147,
        148,
        149,
        150,
        151,
        152,
        153,
        154,
        162,
        163,
        164,
        165,
        166,
        167,
        168,
        169,
        170,
        178,
        179,
        180,
        181,
        182,
        183,
        184,
        185,
        186,
        194,
        195,
        196,
        197,
        198,
        199,
        200,
        201,
        202,
        210,
        211,
        212,
        213,
        214,
        215,
        216,
        217,
        218,
        226,
        227,
        228,
        229,
        230,
        231,
        232,
        233,
        234,
        242,
        243,
        244,
        245,
        246,
        247,
        248,
        249,
        250
      ];
      function initQuantTables(sf) {
        var YQT = [
          16,
          11,
          10,
          16,
          24,
          40,
          51,
          61,
          12,
          12,
          14,
          19,
          26,
          58,
          60,
          55,
          14,
          13,
          16,
          24,
          40,
          57,
          69,
          56,
          14,
          17,
          22,
          29,
          51,
          87,
          80,
          62,
          18,
          22,
          37,
          56,
          68,
          109,
          103,
          77,
          24,
          35,
          55,
          64,
          81,
          104,
          113,
          92,
          49,
          64,
          78,
          87,
          103,
          121,
          120,
          101,
          72,
          92,
          95,
          98,
          112,
          100,
          103,
          99
        ];
        for (var i = 0; i < 64; i++) {
          var t = ffloor((YQT[i] * sf + 50) / 100);
          if (t < 1) {
            t = 1;
          } else if (t > 255) {
            t = 255;
          }
          YTable[ZigZag[i]] = t;
        }
        var UVQT = [
          17,
          18,
          24,
          47,
          99,
          99,
          99,
          99,
          18,
          21,
          26,
          66,
          99,
          99,
          99,
          99,
          24,
          26,
          56,
          99,
          99,
          99,
          99,
          99,
          47,
          66,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99,
          99
        ];
        for (var j = 0; j < 64; j++) {
          var u = ffloor((UVQT[j] * sf + 50) / 100);
          if (u < 1) {
            u = 1;
          } else if (u > 255) {
            u = 255;
          }
          UVTable[ZigZag[j]] = u;
        }
        var aasf = [
          1,
          1.387039845,
          1.306562965,
          1.175875602,
          1,
          0.785694958,
          0.5411961,
          0.275899379
        ];
        var k = 0;
        for (var row = 0; row < 8; row++) {
          for (var col = 0; col < 8; col++) {
            fdtbl_Y[k] = 1 / (YTable[ZigZag[k]] * aasf[row] * aasf[col] * 8);
            fdtbl_UV[k] = 1 / (UVTable[ZigZag[k]] * aasf[row] * aasf[col] * 8);
            k++;
          }
        }
      }
      __name10(initQuantTables, "initQuantTables");
      function computeHuffmanTbl(nrcodes, std_table) {
        var codevalue = 0;
        var pos_in_table = 0;
        var HT = new Array();
        for (var k = 1; k <= 16; k++) {
          for (var j = 1; j <= nrcodes[k]; j++) {
            HT[std_table[pos_in_table]] = [];
            HT[std_table[pos_in_table]][0] = codevalue;
            HT[std_table[pos_in_table]][1] = k;
            pos_in_table++;
            codevalue++;
          }
          codevalue *= 2;
        }
        return HT;
      }
      __name10(computeHuffmanTbl, "computeHuffmanTbl");
      function initHuffmanTbl() {
        YDC_HT = computeHuffmanTbl(std_dc_luminance_nrcodes, std_dc_luminance_values);
        UVDC_HT = computeHuffmanTbl(std_dc_chrominance_nrcodes, std_dc_chrominance_values);
        YAC_HT = computeHuffmanTbl(std_ac_luminance_nrcodes, std_ac_luminance_values);
        UVAC_HT = computeHuffmanTbl(std_ac_chrominance_nrcodes, std_ac_chrominance_values);
      }
      __name10(initHuffmanTbl, "initHuffmanTbl");
      function initCategoryNumber() {
        var nrlower = 1;
        var nrupper = 2;
        for (var cat = 1; cat <= 15; cat++) {
          for (var nr = nrlower; nr < nrupper; nr++) {
            category[32767 + nr] = cat;
            bitcode[32767 + nr] = [];
            bitcode[32767 + nr][1] = cat;
            bitcode[32767 + nr][0] = nr;
          }
          for (var nrneg = -(nrupper - 1); nrneg <= -nrlower; nrneg++) {
            category[32767 + nrneg] = cat;
            bitcode[32767 + nrneg] = [];
            bitcode[32767 + nrneg][1] = cat;
            bitcode[32767 + nrneg][0] = nrupper - 1 + nrneg;
          }
          nrlower <<= 1;
          nrupper <<= 1;
        }
      }
      __name10(initCategoryNumber, "initCategoryNumber");
      function initRGBYUVTable() {
        for (var i = 0; i < 256; i++) {
          RGB_YUV_TABLE[i] = 19595 * i;
          RGB_YUV_TABLE[i + 256 >> 0] = 38470 * i;
          RGB_YUV_TABLE[i + 512 >> 0] = 7471 * i + 32768;
          RGB_YUV_TABLE[i + 768 >> 0] = -11059 * i;
          RGB_YUV_TABLE[i + 1024 >> 0] = -21709 * i;
          RGB_YUV_TABLE[i + 1280 >> 0] = 32768 * i + 8421375;
          RGB_YUV_TABLE[i + 1536 >> 0] = -27439 * i;
          RGB_YUV_TABLE[i + 1792 >> 0] = -5329 * i;
        }
      }
      __name10(initRGBYUVTable, "initRGBYUVTable");
      function writeBits(bs) {
        var value = bs[0];
        var posval = bs[1] - 1;
        while (posval >= 0) {
          if (value & 1 << posval) {
            bytenew |= 1 << bytepos;
          }
          posval--;
          bytepos--;
          if (bytepos < 0) {
            if (bytenew == 255) {
              writeByte(255);
              writeByte(0);
            } else {
              writeByte(bytenew);
            }
            bytepos = 7;
            bytenew = 0;
          }
        }
      }
      __name10(writeBits, "writeBits");
      function writeByte(value) {
        byteout.push(value);
      }
      __name10(writeByte, "writeByte");
      function writeWord(value) {
        writeByte(value >> 8 & 255);
        writeByte(value & 255);
      }
      __name10(writeWord, "writeWord");
      function fDCTQuant(data, fdtbl) {
        var d0, d1, d2, d3, d4, d5, d6, d7;
        var dataOff = 0;
        var i;
        var I8 = 8;
        var I64 = 64;
        for (i = 0; i < I8; ++i) {
          d0 = data[dataOff];
          d1 = data[dataOff + 1];
          d2 = data[dataOff + 2];
          d3 = data[dataOff + 3];
          d4 = data[dataOff + 4];
          d5 = data[dataOff + 5];
          d6 = data[dataOff + 6];
          d7 = data[dataOff + 7];
          var tmp0 = d0 + d7;
          var tmp7 = d0 - d7;
          var tmp1 = d1 + d6;
          var tmp6 = d1 - d6;
          var tmp2 = d2 + d5;
          var tmp5 = d2 - d5;
          var tmp3 = d3 + d4;
          var tmp4 = d3 - d4;
          var tmp10 = tmp0 + tmp3;
          var tmp13 = tmp0 - tmp3;
          var tmp11 = tmp1 + tmp2;
          var tmp12 = tmp1 - tmp2;
          data[dataOff] = tmp10 + tmp11;
          data[dataOff + 4] = tmp10 - tmp11;
          var z1 = (tmp12 + tmp13) * 0.707106781;
          data[dataOff + 2] = tmp13 + z1;
          data[dataOff + 6] = tmp13 - z1;
          tmp10 = tmp4 + tmp5;
          tmp11 = tmp5 + tmp6;
          tmp12 = tmp6 + tmp7;
          var z5 = (tmp10 - tmp12) * 0.382683433;
          var z2 = 0.5411961 * tmp10 + z5;
          var z4 = 1.306562965 * tmp12 + z5;
          var z3 = tmp11 * 0.707106781;
          var z11 = tmp7 + z3;
          var z13 = tmp7 - z3;
          data[dataOff + 5] = z13 + z2;
          data[dataOff + 3] = z13 - z2;
          data[dataOff + 1] = z11 + z4;
          data[dataOff + 7] = z11 - z4;
          dataOff += 8;
        }
        dataOff = 0;
        for (i = 0; i < I8; ++i) {
          d0 = data[dataOff];
          d1 = data[dataOff + 8];
          d2 = data[dataOff + 16];
          d3 = data[dataOff + 24];
          d4 = data[dataOff + 32];
          d5 = data[dataOff + 40];
          d6 = data[dataOff + 48];
          d7 = data[dataOff + 56];
          var tmp0p2 = d0 + d7;
          var tmp7p2 = d0 - d7;
          var tmp1p2 = d1 + d6;
          var tmp6p2 = d1 - d6;
          var tmp2p2 = d2 + d5;
          var tmp5p2 = d2 - d5;
          var tmp3p2 = d3 + d4;
          var tmp4p2 = d3 - d4;
          var tmp10p2 = tmp0p2 + tmp3p2;
          var tmp13p2 = tmp0p2 - tmp3p2;
          var tmp11p2 = tmp1p2 + tmp2p2;
          var tmp12p2 = tmp1p2 - tmp2p2;
          data[dataOff] = tmp10p2 + tmp11p2;
          data[dataOff + 32] = tmp10p2 - tmp11p2;
          var z1p2 = (tmp12p2 + tmp13p2) * 0.707106781;
          data[dataOff + 16] = tmp13p2 + z1p2;
          data[dataOff + 48] = tmp13p2 - z1p2;
          tmp10p2 = tmp4p2 + tmp5p2;
          tmp11p2 = tmp5p2 + tmp6p2;
          tmp12p2 = tmp6p2 + tmp7p2;
          var z5p2 = (tmp10p2 - tmp12p2) * 0.382683433;
          var z2p2 = 0.5411961 * tmp10p2 + z5p2;
          var z4p2 = 1.306562965 * tmp12p2 + z5p2;
          var z3p2 = tmp11p2 * 0.707106781;
          var z11p2 = tmp7p2 + z3p2;
          var z13p2 = tmp7p2 - z3p2;
          data[dataOff + 40] = z13p2 + z2p2;
          data[dataOff + 24] = z13p2 - z2p2;
          data[dataOff + 8] = z11p2 + z4p2;
          data[dataOff + 56] = z11p2 - z4p2;
          dataOff++;
        }
        var fDCTQuant2;
        for (i = 0; i < I64; ++i) {
          fDCTQuant2 = data[i] * fdtbl[i];
          outputfDCTQuant[i] = fDCTQuant2 > 0 ? fDCTQuant2 + 0.5 | 0 : fDCTQuant2 - 0.5 | 0;
        }
        return outputfDCTQuant;
      }
      __name10(fDCTQuant, "fDCTQuant");
      function writeAPP0() {
        writeWord(65504);
        writeWord(16);
        writeByte(74);
        writeByte(70);
        writeByte(73);
        writeByte(70);
        writeByte(0);
        writeByte(1);
        writeByte(1);
        writeByte(0);
        writeWord(1);
        writeWord(1);
        writeByte(0);
        writeByte(0);
      }
      __name10(writeAPP0, "writeAPP0");
      function writeAPP1(exifBuffer) {
        if (!exifBuffer) return;
        writeWord(65505);
        if (exifBuffer[0] === 69 && exifBuffer[1] === 120 && exifBuffer[2] === 105 && exifBuffer[3] === 102) {
          writeWord(exifBuffer.length + 2);
        } else {
          writeWord(exifBuffer.length + 5 + 2);
          writeByte(69);
          writeByte(120);
          writeByte(105);
          writeByte(102);
          writeByte(0);
        }
        for (var i = 0; i < exifBuffer.length; i++) {
          writeByte(exifBuffer[i]);
        }
      }
      __name10(writeAPP1, "writeAPP1");
      function writeSOF0(width, height) {
        writeWord(65472);
        writeWord(17);
        writeByte(8);
        writeWord(height);
        writeWord(width);
        writeByte(3);
        writeByte(1);
        writeByte(17);
        writeByte(0);
        writeByte(2);
        writeByte(17);
        writeByte(1);
        writeByte(3);
        writeByte(17);
        writeByte(1);
      }
      __name10(writeSOF0, "writeSOF0");
      function writeDQT() {
        writeWord(65499);
        writeWord(132);
        writeByte(0);
        for (var i = 0; i < 64; i++) {
          writeByte(YTable[i]);
        }
        writeByte(1);
        for (var j = 0; j < 64; j++) {
          writeByte(UVTable[j]);
        }
      }
      __name10(writeDQT, "writeDQT");
      function writeDHT() {
        writeWord(65476);
        writeWord(418);
        writeByte(0);
        for (var i = 0; i < 16; i++) {
          writeByte(std_dc_luminance_nrcodes[i + 1]);
        }
        for (var j = 0; j <= 11; j++) {
          writeByte(std_dc_luminance_values[j]);
        }
        writeByte(16);
        for (var k = 0; k < 16; k++) {
          writeByte(std_ac_luminance_nrcodes[k + 1]);
        }
        for (var l = 0; l <= 161; l++) {
          writeByte(std_ac_luminance_values[l]);
        }
        writeByte(1);
        for (var m = 0; m < 16; m++) {
          writeByte(std_dc_chrominance_nrcodes[m + 1]);
        }
        for (var n = 0; n <= 11; n++) {
          writeByte(std_dc_chrominance_values[n]);
        }
        writeByte(17);
        for (var o = 0; o < 16; o++) {
          writeByte(std_ac_chrominance_nrcodes[o + 1]);
        }
        for (var p = 0; p <= 161; p++) {
          writeByte(std_ac_chrominance_values[p]);
        }
      }
      __name10(writeDHT, "writeDHT");
      function writeCOM(comments) {
        if (typeof comments === "undefined" || comments.constructor !== Array) return;
        comments.forEach((e) => {
          if (typeof e !== "string") return;
          writeWord(65534);
          var l = e.length;
          writeWord(l + 2);
          var i;
          for (i = 0; i < l; i++)
            writeByte(e.charCodeAt(i));
        });
      }
      __name10(writeCOM, "writeCOM");
      function writeSOS() {
        writeWord(65498);
        writeWord(12);
        writeByte(3);
        writeByte(1);
        writeByte(0);
        writeByte(2);
        writeByte(17);
        writeByte(3);
        writeByte(17);
        writeByte(0);
        writeByte(63);
        writeByte(0);
      }
      __name10(writeSOS, "writeSOS");
      function processDU(CDU, fdtbl, DC, HTDC, HTAC) {
        var EOB = HTAC[0];
        var M16zeroes = HTAC[240];
        var pos;
        var I16 = 16;
        var I63 = 63;
        var I64 = 64;
        var DU_DCT = fDCTQuant(CDU, fdtbl);
        for (var j = 0; j < I64; ++j) {
          DU[ZigZag[j]] = DU_DCT[j];
        }
        var Diff = DU[0] - DC;
        DC = DU[0];
        if (Diff == 0) {
          writeBits(HTDC[0]);
        } else {
          pos = 32767 + Diff;
          writeBits(HTDC[category[pos]]);
          writeBits(bitcode[pos]);
        }
        var end0pos = 63;
        for (; end0pos > 0 && DU[end0pos] == 0; end0pos--) {
        }
        ;
        if (end0pos == 0) {
          writeBits(EOB);
          return DC;
        }
        var i = 1;
        var lng;
        while (i <= end0pos) {
          var startpos = i;
          for (; DU[i] == 0 && i <= end0pos; ++i) {
          }
          var nrzeroes = i - startpos;
          if (nrzeroes >= I16) {
            lng = nrzeroes >> 4;
            for (var nrmarker = 1; nrmarker <= lng; ++nrmarker)
              writeBits(M16zeroes);
            nrzeroes = nrzeroes & 15;
          }
          pos = 32767 + DU[i];
          writeBits(HTAC[(nrzeroes << 4) + category[pos]]);
          writeBits(bitcode[pos]);
          i++;
        }
        if (end0pos != I63) {
          writeBits(EOB);
        }
        return DC;
      }
      __name10(processDU, "processDU");
      function initCharLookupTable() {
        var sfcc = String.fromCharCode;
        for (var i = 0; i < 256; i++) {
          clt[i] = sfcc(i);
        }
      }
      __name10(initCharLookupTable, "initCharLookupTable");
      this.encode = function(image, quality2) {
        var time_start = (/* @__PURE__ */ new Date()).getTime();
        if (quality2) setQuality(quality2);
        byteout = new Array();
        bytenew = 0;
        bytepos = 7;
        writeWord(65496);
        writeAPP0();
        writeCOM(image.comments);
        writeAPP1(image.exifBuffer);
        writeDQT();
        writeSOF0(image.width, image.height);
        writeDHT();
        writeSOS();
        var DCY = 0;
        var DCU = 0;
        var DCV = 0;
        bytenew = 0;
        bytepos = 7;
        this.encode.displayName = "_encode_";
        var imageData = image.data;
        var width = image.width;
        var height = image.height;
        var quadWidth = width * 4;
        var tripleWidth = width * 3;
        var x, y = 0;
        var r, g, b;
        var start, p, col, row, pos;
        while (y < height) {
          x = 0;
          while (x < quadWidth) {
            start = quadWidth * y + x;
            p = start;
            col = -1;
            row = 0;
            for (pos = 0; pos < 64; pos++) {
              row = pos >> 3;
              col = (pos & 7) * 4;
              p = start + row * quadWidth + col;
              if (y + row >= height) {
                p -= quadWidth * (y + 1 + row - height);
              }
              if (x + col >= quadWidth) {
                p -= x + col - quadWidth + 4;
              }
              r = imageData[p++];
              g = imageData[p++];
              b = imageData[p++];
              YDU[pos] = (RGB_YUV_TABLE[r] + RGB_YUV_TABLE[g + 256 >> 0] + RGB_YUV_TABLE[b + 512 >> 0] >> 16) - 128;
              UDU[pos] = (RGB_YUV_TABLE[r + 768 >> 0] + RGB_YUV_TABLE[g + 1024 >> 0] + RGB_YUV_TABLE[b + 1280 >> 0] >> 16) - 128;
              VDU[pos] = (RGB_YUV_TABLE[r + 1280 >> 0] + RGB_YUV_TABLE[g + 1536 >> 0] + RGB_YUV_TABLE[b + 1792 >> 0] >> 16) - 128;
            }
            DCY = processDU(YDU, fdtbl_Y, DCY, YDC_HT, YAC_HT);
            DCU = processDU(UDU, fdtbl_UV, DCU, UVDC_HT, UVAC_HT);
            DCV = processDU(VDU, fdtbl_UV, DCV, UVDC_HT, UVAC_HT);
            x += 32;
          }
          y += 8;
        }
        if (bytepos >= 0) {
          var fillbits = [];
          fillbits[1] = bytepos + 1;
          fillbits[0] = (1 << bytepos + 1) - 1;
          writeBits(fillbits);
        }
        writeWord(65497);
        if (typeof module === "undefined") return new Uint8Array(byteout);
        return Buffer.from(byteout);
        var jpegDataUri = "data:image/jpeg;base64," + btoa(byteout.join(""));
        byteout = [];
        var duration = (/* @__PURE__ */ new Date()).getTime() - time_start;
        return jpegDataUri;
      };
      function setQuality(quality2) {
        if (quality2 <= 0) {
          quality2 = 1;
        }
        if (quality2 > 100) {
          quality2 = 100;
        }
        if (currentQuality == quality2) return;
        var sf = 0;
        if (quality2 < 50) {
          sf = Math.floor(5e3 / quality2);
        } else {
          sf = Math.floor(200 - quality2 * 2);
        }
        initQuantTables(sf);
        currentQuality = quality2;
      }
      __name10(setQuality, "setQuality");
      function init() {
        var time_start = (/* @__PURE__ */ new Date()).getTime();
        if (!quality) quality = 50;
        initCharLookupTable();
        initHuffmanTbl();
        initCategoryNumber();
        initRGBYUVTable();
        setQuality(quality);
        var duration = (/* @__PURE__ */ new Date()).getTime() - time_start;
      }
      __name10(init, "init");
      init();
    }
    __name10(JPEGEncoder, "JPEGEncoder");
    if (typeof module !== "undefined") {
      module.exports = encode;
    } else if (typeof window !== "undefined") {
      window["jpeg-js"] = window["jpeg-js"] || {};
      window["jpeg-js"].encode = encode;
    }
    function encode(imgData, qu) {
      if (typeof qu === "undefined") qu = 50;
      var encoder = new JPEGEncoder(qu);
      var data = encoder.encode(imgData, qu);
      return {
        data,
        width: imgData.width,
        height: imgData.height
      };
    }
    __name10(encode, "encode");
    function getImageDataFromImage(idOrElement) {
      var theImg = typeof idOrElement == "string" ? document.getElementById(idOrElement) : idOrElement;
      var cvs = document.createElement("canvas");
      cvs.width = theImg.width;
      cvs.height = theImg.height;
      var ctx = cvs.getContext("2d");
      ctx.drawImage(theImg, 0, 0);
      return ctx.getImageData(0, 0, cvs.width, cvs.height);
    }
    __name10(getImageDataFromImage, "getImageDataFromImage");
  }
});

// node_modules/jpeg-js/lib/decoder.js
var require_decoder = __commonJS({
  "node_modules/jpeg-js/lib/decoder.js"(exports, module) {
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var JpegImage = __name10((function jpegImage() {
      "use strict";
      var dctZigZag = new Int32Array([
        0,
        1,
        8,
        16,
        9,
        2,
        3,
        10,
        17,
        24,
        32,
        25,
        18,
        11,
        4,
        5,
        12,
        19,
        26,
        33,
        40,
        48,
        41,
        34,
        27,
        20,
        13,
        6,
        7,
        14,
        21,
        28,
        35,
        42,
        49,
        56,
        57,
        50,
        43,
        36,
        29,
        22,
        15,
        23,
        30,
        37,
        44,
        51,
        58,
        59,
        52,
        45,
        38,
        31,
        39,
        46,
        53,
        60,
        61,
        54,
        47,
        55,
        62,
        63
      ]);
      var dctCos1 = 4017;
      var dctSin1 = 799;
      var dctCos3 = 3406;
      var dctSin3 = 2276;
      var dctCos6 = 1567;
      var dctSin6 = 3784;
      var dctSqrt2 = 5793;
      var dctSqrt1d2 = 2896;
      function constructor() {
      }
      __name10(constructor, "constructor");
      function buildHuffmanTable(codeLengths, values) {
        var k = 0, code = [], i, j, length = 16;
        while (length > 0 && !codeLengths[length - 1])
          length--;
        code.push({ children: [], index: 0 });
        var p = code[0], q;
        for (i = 0; i < length; i++) {
          for (j = 0; j < codeLengths[i]; j++) {
            p = code.pop();
            p.children[p.index] = values[k];
            while (p.index > 0) {
              if (code.length === 0)
                throw new Error("Could not recreate Huffman Table");
              p = code.pop();
            }
            p.index++;
            code.push(p);
            while (code.length <= i) {
              code.push(q = { children: [], index: 0 });
              p.children[p.index] = q.children;
              p = q;
            }
            k++;
          }
          if (i + 1 < length) {
            code.push(q = { children: [], index: 0 });
            p.children[p.index] = q.children;
            p = q;
          }
        }
        return code[0].children;
      }
      __name10(buildHuffmanTable, "buildHuffmanTable");
      function decodeScan(data, offset, frame, components, resetInterval, spectralStart, spectralEnd, successivePrev, successive, opts) {
        var precision = frame.precision;
        var samplesPerLine = frame.samplesPerLine;
        var scanLines = frame.scanLines;
        var mcusPerLine = frame.mcusPerLine;
        var progressive = frame.progressive;
        var maxH = frame.maxH, maxV = frame.maxV;
        var startOffset = offset, bitsData = 0, bitsCount = 0;
        function readBit() {
          if (bitsCount > 0) {
            bitsCount--;
            return bitsData >> bitsCount & 1;
          }
          bitsData = data[offset++];
          if (bitsData == 255) {
            var nextByte = data[offset++];
            if (nextByte) {
              throw new Error("unexpected marker: " + (bitsData << 8 | nextByte).toString(16));
            }
          }
          bitsCount = 7;
          return bitsData >>> 7;
        }
        __name10(readBit, "readBit");
        function decodeHuffman(tree) {
          var node = tree, bit;
          while ((bit = readBit()) !== null) {
            node = node[bit];
            if (typeof node === "number")
              return node;
            if (typeof node !== "object")
              throw new Error("invalid huffman sequence");
          }
          return null;
        }
        __name10(decodeHuffman, "decodeHuffman");
        function receive(length) {
          var n2 = 0;
          while (length > 0) {
            var bit = readBit();
            if (bit === null) return;
            n2 = n2 << 1 | bit;
            length--;
          }
          return n2;
        }
        __name10(receive, "receive");
        function receiveAndExtend(length) {
          var n2 = receive(length);
          if (n2 >= 1 << length - 1)
            return n2;
          return n2 + (-1 << length) + 1;
        }
        __name10(receiveAndExtend, "receiveAndExtend");
        function decodeBaseline(component2, zz) {
          var t = decodeHuffman(component2.huffmanTableDC);
          var diff = t === 0 ? 0 : receiveAndExtend(t);
          zz[0] = component2.pred += diff;
          var k2 = 1;
          while (k2 < 64) {
            var rs = decodeHuffman(component2.huffmanTableAC);
            var s = rs & 15, r = rs >> 4;
            if (s === 0) {
              if (r < 15)
                break;
              k2 += 16;
              continue;
            }
            k2 += r;
            var z = dctZigZag[k2];
            zz[z] = receiveAndExtend(s);
            k2++;
          }
        }
        __name10(decodeBaseline, "decodeBaseline");
        function decodeDCFirst(component2, zz) {
          var t = decodeHuffman(component2.huffmanTableDC);
          var diff = t === 0 ? 0 : receiveAndExtend(t) << successive;
          zz[0] = component2.pred += diff;
        }
        __name10(decodeDCFirst, "decodeDCFirst");
        function decodeDCSuccessive(component2, zz) {
          zz[0] |= readBit() << successive;
        }
        __name10(decodeDCSuccessive, "decodeDCSuccessive");
        var eobrun = 0;
        function decodeACFirst(component2, zz) {
          if (eobrun > 0) {
            eobrun--;
            return;
          }
          var k2 = spectralStart, e = spectralEnd;
          while (k2 <= e) {
            var rs = decodeHuffman(component2.huffmanTableAC);
            var s = rs & 15, r = rs >> 4;
            if (s === 0) {
              if (r < 15) {
                eobrun = receive(r) + (1 << r) - 1;
                break;
              }
              k2 += 16;
              continue;
            }
            k2 += r;
            var z = dctZigZag[k2];
            zz[z] = receiveAndExtend(s) * (1 << successive);
            k2++;
          }
        }
        __name10(decodeACFirst, "decodeACFirst");
        var successiveACState = 0, successiveACNextValue;
        function decodeACSuccessive(component2, zz) {
          var k2 = spectralStart, e = spectralEnd, r = 0;
          while (k2 <= e) {
            var z = dctZigZag[k2];
            var direction = zz[z] < 0 ? -1 : 1;
            switch (successiveACState) {
              case 0:
                var rs = decodeHuffman(component2.huffmanTableAC);
                var s = rs & 15, r = rs >> 4;
                if (s === 0) {
                  if (r < 15) {
                    eobrun = receive(r) + (1 << r);
                    successiveACState = 4;
                  } else {
                    r = 16;
                    successiveACState = 1;
                  }
                } else {
                  if (s !== 1)
                    throw new Error("invalid ACn encoding");
                  successiveACNextValue = receiveAndExtend(s);
                  successiveACState = r ? 2 : 3;
                }
                continue;
              case 1:
              // skipping r zero items
              case 2:
                if (zz[z])
                  zz[z] += (readBit() << successive) * direction;
                else {
                  r--;
                  if (r === 0)
                    successiveACState = successiveACState == 2 ? 3 : 0;
                }
                break;
              case 3:
                if (zz[z])
                  zz[z] += (readBit() << successive) * direction;
                else {
                  zz[z] = successiveACNextValue << successive;
                  successiveACState = 0;
                }
                break;
              case 4:
                if (zz[z])
                  zz[z] += (readBit() << successive) * direction;
                break;
            }
            k2++;
          }
          if (successiveACState === 4) {
            eobrun--;
            if (eobrun === 0)
              successiveACState = 0;
          }
        }
        __name10(decodeACSuccessive, "decodeACSuccessive");
        function decodeMcu(component2, decode2, mcu2, row, col) {
          var mcuRow = mcu2 / mcusPerLine | 0;
          var mcuCol = mcu2 % mcusPerLine;
          var blockRow = mcuRow * component2.v + row;
          var blockCol = mcuCol * component2.h + col;
          if (component2.blocks[blockRow] === void 0 && opts.tolerantDecoding)
            return;
          decode2(component2, component2.blocks[blockRow][blockCol]);
        }
        __name10(decodeMcu, "decodeMcu");
        function decodeBlock(component2, decode2, mcu2) {
          var blockRow = mcu2 / component2.blocksPerLine | 0;
          var blockCol = mcu2 % component2.blocksPerLine;
          if (component2.blocks[blockRow] === void 0 && opts.tolerantDecoding)
            return;
          decode2(component2, component2.blocks[blockRow][blockCol]);
        }
        __name10(decodeBlock, "decodeBlock");
        var componentsLength = components.length;
        var component, i, j, k, n;
        var decodeFn;
        if (progressive) {
          if (spectralStart === 0)
            decodeFn = successivePrev === 0 ? decodeDCFirst : decodeDCSuccessive;
          else
            decodeFn = successivePrev === 0 ? decodeACFirst : decodeACSuccessive;
        } else {
          decodeFn = decodeBaseline;
        }
        var mcu = 0, marker;
        var mcuExpected;
        if (componentsLength == 1) {
          mcuExpected = components[0].blocksPerLine * components[0].blocksPerColumn;
        } else {
          mcuExpected = mcusPerLine * frame.mcusPerColumn;
        }
        if (!resetInterval) resetInterval = mcuExpected;
        var h, v;
        while (mcu < mcuExpected) {
          for (i = 0; i < componentsLength; i++)
            components[i].pred = 0;
          eobrun = 0;
          if (componentsLength == 1) {
            component = components[0];
            for (n = 0; n < resetInterval; n++) {
              decodeBlock(component, decodeFn, mcu);
              mcu++;
            }
          } else {
            for (n = 0; n < resetInterval; n++) {
              for (i = 0; i < componentsLength; i++) {
                component = components[i];
                h = component.h;
                v = component.v;
                for (j = 0; j < v; j++) {
                  for (k = 0; k < h; k++) {
                    decodeMcu(component, decodeFn, mcu, j, k);
                  }
                }
              }
              mcu++;
              if (mcu === mcuExpected) break;
            }
          }
          if (mcu === mcuExpected) {
            do {
              if (data[offset] === 255) {
                if (data[offset + 1] !== 0) {
                  break;
                }
              }
              offset += 1;
            } while (offset < data.length - 2);
          }
          bitsCount = 0;
          marker = data[offset] << 8 | data[offset + 1];
          if (marker < 65280) {
            throw new Error("marker was not found");
          }
          if (marker >= 65488 && marker <= 65495) {
            offset += 2;
          } else
            break;
        }
        return offset - startOffset;
      }
      __name10(decodeScan, "decodeScan");
      function buildComponentData(frame, component) {
        var lines = [];
        var blocksPerLine = component.blocksPerLine;
        var blocksPerColumn = component.blocksPerColumn;
        var samplesPerLine = blocksPerLine << 3;
        var R = new Int32Array(64), r = new Uint8Array(64);
        function quantizeAndInverse(zz, dataOut, dataIn) {
          var qt = component.quantizationTable;
          var v0, v1, v2, v3, v4, v5, v6, v7, t;
          var p = dataIn;
          var i2;
          for (i2 = 0; i2 < 64; i2++)
            p[i2] = zz[i2] * qt[i2];
          for (i2 = 0; i2 < 8; ++i2) {
            var row = 8 * i2;
            if (p[1 + row] == 0 && p[2 + row] == 0 && p[3 + row] == 0 && p[4 + row] == 0 && p[5 + row] == 0 && p[6 + row] == 0 && p[7 + row] == 0) {
              t = dctSqrt2 * p[0 + row] + 512 >> 10;
              p[0 + row] = t;
              p[1 + row] = t;
              p[2 + row] = t;
              p[3 + row] = t;
              p[4 + row] = t;
              p[5 + row] = t;
              p[6 + row] = t;
              p[7 + row] = t;
              continue;
            }
            v0 = dctSqrt2 * p[0 + row] + 128 >> 8;
            v1 = dctSqrt2 * p[4 + row] + 128 >> 8;
            v2 = p[2 + row];
            v3 = p[6 + row];
            v4 = dctSqrt1d2 * (p[1 + row] - p[7 + row]) + 128 >> 8;
            v7 = dctSqrt1d2 * (p[1 + row] + p[7 + row]) + 128 >> 8;
            v5 = p[3 + row] << 4;
            v6 = p[5 + row] << 4;
            t = v0 - v1 + 1 >> 1;
            v0 = v0 + v1 + 1 >> 1;
            v1 = t;
            t = v2 * dctSin6 + v3 * dctCos6 + 128 >> 8;
            v2 = v2 * dctCos6 - v3 * dctSin6 + 128 >> 8;
            v3 = t;
            t = v4 - v6 + 1 >> 1;
            v4 = v4 + v6 + 1 >> 1;
            v6 = t;
            t = v7 + v5 + 1 >> 1;
            v5 = v7 - v5 + 1 >> 1;
            v7 = t;
            t = v0 - v3 + 1 >> 1;
            v0 = v0 + v3 + 1 >> 1;
            v3 = t;
            t = v1 - v2 + 1 >> 1;
            v1 = v1 + v2 + 1 >> 1;
            v2 = t;
            t = v4 * dctSin3 + v7 * dctCos3 + 2048 >> 12;
            v4 = v4 * dctCos3 - v7 * dctSin3 + 2048 >> 12;
            v7 = t;
            t = v5 * dctSin1 + v6 * dctCos1 + 2048 >> 12;
            v5 = v5 * dctCos1 - v6 * dctSin1 + 2048 >> 12;
            v6 = t;
            p[0 + row] = v0 + v7;
            p[7 + row] = v0 - v7;
            p[1 + row] = v1 + v6;
            p[6 + row] = v1 - v6;
            p[2 + row] = v2 + v5;
            p[5 + row] = v2 - v5;
            p[3 + row] = v3 + v4;
            p[4 + row] = v3 - v4;
          }
          for (i2 = 0; i2 < 8; ++i2) {
            var col = i2;
            if (p[1 * 8 + col] == 0 && p[2 * 8 + col] == 0 && p[3 * 8 + col] == 0 && p[4 * 8 + col] == 0 && p[5 * 8 + col] == 0 && p[6 * 8 + col] == 0 && p[7 * 8 + col] == 0) {
              t = dctSqrt2 * dataIn[i2 + 0] + 8192 >> 14;
              p[0 * 8 + col] = t;
              p[1 * 8 + col] = t;
              p[2 * 8 + col] = t;
              p[3 * 8 + col] = t;
              p[4 * 8 + col] = t;
              p[5 * 8 + col] = t;
              p[6 * 8 + col] = t;
              p[7 * 8 + col] = t;
              continue;
            }
            v0 = dctSqrt2 * p[0 * 8 + col] + 2048 >> 12;
            v1 = dctSqrt2 * p[4 * 8 + col] + 2048 >> 12;
            v2 = p[2 * 8 + col];
            v3 = p[6 * 8 + col];
            v4 = dctSqrt1d2 * (p[1 * 8 + col] - p[7 * 8 + col]) + 2048 >> 12;
            v7 = dctSqrt1d2 * (p[1 * 8 + col] + p[7 * 8 + col]) + 2048 >> 12;
            v5 = p[3 * 8 + col];
            v6 = p[5 * 8 + col];
            t = v0 - v1 + 1 >> 1;
            v0 = v0 + v1 + 1 >> 1;
            v1 = t;
            t = v2 * dctSin6 + v3 * dctCos6 + 2048 >> 12;
            v2 = v2 * dctCos6 - v3 * dctSin6 + 2048 >> 12;
            v3 = t;
            t = v4 - v6 + 1 >> 1;
            v4 = v4 + v6 + 1 >> 1;
            v6 = t;
            t = v7 + v5 + 1 >> 1;
            v5 = v7 - v5 + 1 >> 1;
            v7 = t;
            t = v0 - v3 + 1 >> 1;
            v0 = v0 + v3 + 1 >> 1;
            v3 = t;
            t = v1 - v2 + 1 >> 1;
            v1 = v1 + v2 + 1 >> 1;
            v2 = t;
            t = v4 * dctSin3 + v7 * dctCos3 + 2048 >> 12;
            v4 = v4 * dctCos3 - v7 * dctSin3 + 2048 >> 12;
            v7 = t;
            t = v5 * dctSin1 + v6 * dctCos1 + 2048 >> 12;
            v5 = v5 * dctCos1 - v6 * dctSin1 + 2048 >> 12;
            v6 = t;
            p[0 * 8 + col] = v0 + v7;
            p[7 * 8 + col] = v0 - v7;
            p[1 * 8 + col] = v1 + v6;
            p[6 * 8 + col] = v1 - v6;
            p[2 * 8 + col] = v2 + v5;
            p[5 * 8 + col] = v2 - v5;
            p[3 * 8 + col] = v3 + v4;
            p[4 * 8 + col] = v3 - v4;
          }
          for (i2 = 0; i2 < 64; ++i2) {
            var sample2 = 128 + (p[i2] + 8 >> 4);
            dataOut[i2] = sample2 < 0 ? 0 : sample2 > 255 ? 255 : sample2;
          }
        }
        __name10(quantizeAndInverse, "quantizeAndInverse");
        requestMemoryAllocation(samplesPerLine * blocksPerColumn * 8);
        var i, j;
        for (var blockRow = 0; blockRow < blocksPerColumn; blockRow++) {
          var scanLine = blockRow << 3;
          for (i = 0; i < 8; i++)
            lines.push(new Uint8Array(samplesPerLine));
          for (var blockCol = 0; blockCol < blocksPerLine; blockCol++) {
            quantizeAndInverse(component.blocks[blockRow][blockCol], r, R);
            var offset = 0, sample = blockCol << 3;
            for (j = 0; j < 8; j++) {
              var line = lines[scanLine + j];
              for (i = 0; i < 8; i++)
                line[sample + i] = r[offset++];
            }
          }
        }
        return lines;
      }
      __name10(buildComponentData, "buildComponentData");
      function clampTo8bit(a) {
        return a < 0 ? 0 : a > 255 ? 255 : a;
      }
      __name10(clampTo8bit, "clampTo8bit");
      constructor.prototype = {
        load: __name10(function load(path4) {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", path4, true);
          xhr.responseType = "arraybuffer";
          xhr.onload = (function() {
            var data = new Uint8Array(xhr.response || xhr.mozResponseArrayBuffer);
            this.parse(data);
            if (this.onload)
              this.onload();
          }).bind(this);
          xhr.send(null);
        }, "load"),
        parse: __name10(function parse2(data) {
          var maxResolutionInPixels = this.opts.maxResolutionInMP * 1e3 * 1e3;
          var offset = 0, length = data.length;
          function readUint16() {
            var value = data[offset] << 8 | data[offset + 1];
            offset += 2;
            return value;
          }
          __name10(readUint16, "readUint16");
          function readDataBlock() {
            var length2 = readUint16();
            var array = data.subarray(offset, offset + length2 - 2);
            offset += array.length;
            return array;
          }
          __name10(readDataBlock, "readDataBlock");
          function prepareComponents(frame2) {
            var maxH2 = 1, maxV2 = 1;
            var component2, componentId2;
            for (componentId2 in frame2.components) {
              if (frame2.components.hasOwnProperty(componentId2)) {
                component2 = frame2.components[componentId2];
                if (maxH2 < component2.h) maxH2 = component2.h;
                if (maxV2 < component2.v) maxV2 = component2.v;
              }
            }
            var mcusPerLine = Math.ceil(frame2.samplesPerLine / 8 / maxH2);
            var mcusPerColumn = Math.ceil(frame2.scanLines / 8 / maxV2);
            for (componentId2 in frame2.components) {
              if (frame2.components.hasOwnProperty(componentId2)) {
                component2 = frame2.components[componentId2];
                var blocksPerLine = Math.ceil(Math.ceil(frame2.samplesPerLine / 8) * component2.h / maxH2);
                var blocksPerColumn = Math.ceil(Math.ceil(frame2.scanLines / 8) * component2.v / maxV2);
                var blocksPerLineForMcu = mcusPerLine * component2.h;
                var blocksPerColumnForMcu = mcusPerColumn * component2.v;
                var blocksToAllocate = blocksPerColumnForMcu * blocksPerLineForMcu;
                var blocks = [];
                requestMemoryAllocation(blocksToAllocate * 256);
                for (var i2 = 0; i2 < blocksPerColumnForMcu; i2++) {
                  var row = [];
                  for (var j2 = 0; j2 < blocksPerLineForMcu; j2++)
                    row.push(new Int32Array(64));
                  blocks.push(row);
                }
                component2.blocksPerLine = blocksPerLine;
                component2.blocksPerColumn = blocksPerColumn;
                component2.blocks = blocks;
              }
            }
            frame2.maxH = maxH2;
            frame2.maxV = maxV2;
            frame2.mcusPerLine = mcusPerLine;
            frame2.mcusPerColumn = mcusPerColumn;
          }
          __name10(prepareComponents, "prepareComponents");
          var jfif = null;
          var adobe = null;
          var pixels = null;
          var frame, resetInterval;
          var quantizationTables = [], frames = [];
          var huffmanTablesAC = [], huffmanTablesDC = [];
          var fileMarker = readUint16();
          var malformedDataOffset = -1;
          this.comments = [];
          if (fileMarker != 65496) {
            throw new Error("SOI not found");
          }
          fileMarker = readUint16();
          while (fileMarker != 65497) {
            var i, j, l;
            switch (fileMarker) {
              case 65280:
                break;
              case 65504:
              // APP0 (Application Specific)
              case 65505:
              // APP1
              case 65506:
              // APP2
              case 65507:
              // APP3
              case 65508:
              // APP4
              case 65509:
              // APP5
              case 65510:
              // APP6
              case 65511:
              // APP7
              case 65512:
              // APP8
              case 65513:
              // APP9
              case 65514:
              // APP10
              case 65515:
              // APP11
              case 65516:
              // APP12
              case 65517:
              // APP13
              case 65518:
              // APP14
              case 65519:
              // APP15
              case 65534:
                var appData = readDataBlock();
                if (fileMarker === 65534) {
                  var comment = String.fromCharCode.apply(null, appData);
                  this.comments.push(comment);
                }
                if (fileMarker === 65504) {
                  if (appData[0] === 74 && appData[1] === 70 && appData[2] === 73 && appData[3] === 70 && appData[4] === 0) {
                    jfif = {
                      version: { major: appData[5], minor: appData[6] },
                      densityUnits: appData[7],
                      xDensity: appData[8] << 8 | appData[9],
                      yDensity: appData[10] << 8 | appData[11],
                      thumbWidth: appData[12],
                      thumbHeight: appData[13],
                      thumbData: appData.subarray(14, 14 + 3 * appData[12] * appData[13])
                    };
                  }
                }
                if (fileMarker === 65505) {
                  if (appData[0] === 69 && appData[1] === 120 && appData[2] === 105 && appData[3] === 102 && appData[4] === 0) {
                    this.exifBuffer = appData.subarray(5, appData.length);
                  }
                }
                if (fileMarker === 65518) {
                  if (appData[0] === 65 && appData[1] === 100 && appData[2] === 111 && appData[3] === 98 && appData[4] === 101 && appData[5] === 0) {
                    adobe = {
                      version: appData[6],
                      flags0: appData[7] << 8 | appData[8],
                      flags1: appData[9] << 8 | appData[10],
                      transformCode: appData[11]
                    };
                  }
                }
                break;
              case 65499:
                var quantizationTablesLength = readUint16();
                var quantizationTablesEnd = quantizationTablesLength + offset - 2;
                while (offset < quantizationTablesEnd) {
                  var quantizationTableSpec = data[offset++];
                  requestMemoryAllocation(64 * 4);
                  var tableData = new Int32Array(64);
                  if (quantizationTableSpec >> 4 === 0) {
                    for (j = 0; j < 64; j++) {
                      var z = dctZigZag[j];
                      tableData[z] = data[offset++];
                    }
                  } else if (quantizationTableSpec >> 4 === 1) {
                    for (j = 0; j < 64; j++) {
                      var z = dctZigZag[j];
                      tableData[z] = readUint16();
                    }
                  } else
                    throw new Error("DQT: invalid table spec");
                  quantizationTables[quantizationTableSpec & 15] = tableData;
                }
                break;
              case 65472:
              // SOF0 (Start of Frame, Baseline DCT)
              case 65473:
              // SOF1 (Start of Frame, Extended DCT)
              case 65474:
                readUint16();
                frame = {};
                frame.extended = fileMarker === 65473;
                frame.progressive = fileMarker === 65474;
                frame.precision = data[offset++];
                frame.scanLines = readUint16();
                frame.samplesPerLine = readUint16();
                frame.components = {};
                frame.componentsOrder = [];
                var pixelsInFrame = frame.scanLines * frame.samplesPerLine;
                if (pixelsInFrame > maxResolutionInPixels) {
                  var exceededAmount = Math.ceil((pixelsInFrame - maxResolutionInPixels) / 1e6);
                  throw new Error(`maxResolutionInMP limit exceeded by ${exceededAmount}MP`);
                }
                var componentsCount = data[offset++], componentId;
                var maxH = 0, maxV = 0;
                for (i = 0; i < componentsCount; i++) {
                  componentId = data[offset];
                  var h = data[offset + 1] >> 4;
                  var v = data[offset + 1] & 15;
                  var qId = data[offset + 2];
                  if (h <= 0 || v <= 0) {
                    throw new Error("Invalid sampling factor, expected values above 0");
                  }
                  frame.componentsOrder.push(componentId);
                  frame.components[componentId] = {
                    h,
                    v,
                    quantizationIdx: qId
                  };
                  offset += 3;
                }
                prepareComponents(frame);
                frames.push(frame);
                break;
              case 65476:
                var huffmanLength = readUint16();
                for (i = 2; i < huffmanLength; ) {
                  var huffmanTableSpec = data[offset++];
                  var codeLengths = new Uint8Array(16);
                  var codeLengthSum = 0;
                  for (j = 0; j < 16; j++, offset++) {
                    codeLengthSum += codeLengths[j] = data[offset];
                  }
                  requestMemoryAllocation(16 + codeLengthSum);
                  var huffmanValues = new Uint8Array(codeLengthSum);
                  for (j = 0; j < codeLengthSum; j++, offset++)
                    huffmanValues[j] = data[offset];
                  i += 17 + codeLengthSum;
                  (huffmanTableSpec >> 4 === 0 ? huffmanTablesDC : huffmanTablesAC)[huffmanTableSpec & 15] = buildHuffmanTable(codeLengths, huffmanValues);
                }
                break;
              case 65501:
                readUint16();
                resetInterval = readUint16();
                break;
              case 65500:
                readUint16();
                readUint16();
                break;
              case 65498:
                var scanLength = readUint16();
                var selectorsCount = data[offset++];
                var components = [], component;
                for (i = 0; i < selectorsCount; i++) {
                  component = frame.components[data[offset++]];
                  var tableSpec = data[offset++];
                  component.huffmanTableDC = huffmanTablesDC[tableSpec >> 4];
                  component.huffmanTableAC = huffmanTablesAC[tableSpec & 15];
                  components.push(component);
                }
                var spectralStart = data[offset++];
                var spectralEnd = data[offset++];
                var successiveApproximation = data[offset++];
                var processed = decodeScan(
                  data,
                  offset,
                  frame,
                  components,
                  resetInterval,
                  spectralStart,
                  spectralEnd,
                  successiveApproximation >> 4,
                  successiveApproximation & 15,
                  this.opts
                );
                offset += processed;
                break;
              case 65535:
                if (data[offset] !== 255) {
                  offset--;
                }
                break;
              default:
                if (data[offset - 3] == 255 && data[offset - 2] >= 192 && data[offset - 2] <= 254) {
                  offset -= 3;
                  break;
                } else if (fileMarker === 224 || fileMarker == 225) {
                  if (malformedDataOffset !== -1) {
                    throw new Error(`first unknown JPEG marker at offset ${malformedDataOffset.toString(16)}, second unknown JPEG marker ${fileMarker.toString(16)} at offset ${(offset - 1).toString(16)}`);
                  }
                  malformedDataOffset = offset - 1;
                  const nextOffset = readUint16();
                  if (data[offset + nextOffset - 2] === 255) {
                    offset += nextOffset - 2;
                    break;
                  }
                }
                throw new Error("unknown JPEG marker " + fileMarker.toString(16));
            }
            fileMarker = readUint16();
          }
          if (frames.length != 1)
            throw new Error("only single frame JPEGs supported");
          for (var i = 0; i < frames.length; i++) {
            var cp = frames[i].components;
            for (var j in cp) {
              cp[j].quantizationTable = quantizationTables[cp[j].quantizationIdx];
              delete cp[j].quantizationIdx;
            }
          }
          this.width = frame.samplesPerLine;
          this.height = frame.scanLines;
          this.jfif = jfif;
          this.adobe = adobe;
          this.components = [];
          for (var i = 0; i < frame.componentsOrder.length; i++) {
            var component = frame.components[frame.componentsOrder[i]];
            this.components.push({
              lines: buildComponentData(frame, component),
              scaleX: component.h / frame.maxH,
              scaleY: component.v / frame.maxV
            });
          }
        }, "parse"),
        getData: __name10(function getData(width, height) {
          var scaleX = this.width / width, scaleY = this.height / height;
          var component1, component2, component3, component4;
          var component1Line, component2Line, component3Line, component4Line;
          var x, y;
          var offset = 0;
          var Y, Cb, Cr, K2, C, M, Ye, R, G, B;
          var colorTransform;
          var dataLength = width * height * this.components.length;
          requestMemoryAllocation(dataLength);
          var data = new Uint8Array(dataLength);
          switch (this.components.length) {
            case 1:
              component1 = this.components[0];
              for (y = 0; y < height; y++) {
                component1Line = component1.lines[0 | y * component1.scaleY * scaleY];
                for (x = 0; x < width; x++) {
                  Y = component1Line[0 | x * component1.scaleX * scaleX];
                  data[offset++] = Y;
                }
              }
              break;
            case 2:
              component1 = this.components[0];
              component2 = this.components[1];
              for (y = 0; y < height; y++) {
                component1Line = component1.lines[0 | y * component1.scaleY * scaleY];
                component2Line = component2.lines[0 | y * component2.scaleY * scaleY];
                for (x = 0; x < width; x++) {
                  Y = component1Line[0 | x * component1.scaleX * scaleX];
                  data[offset++] = Y;
                  Y = component2Line[0 | x * component2.scaleX * scaleX];
                  data[offset++] = Y;
                }
              }
              break;
            case 3:
              colorTransform = true;
              if (this.adobe && this.adobe.transformCode)
                colorTransform = true;
              else if (typeof this.opts.colorTransform !== "undefined")
                colorTransform = !!this.opts.colorTransform;
              component1 = this.components[0];
              component2 = this.components[1];
              component3 = this.components[2];
              for (y = 0; y < height; y++) {
                component1Line = component1.lines[0 | y * component1.scaleY * scaleY];
                component2Line = component2.lines[0 | y * component2.scaleY * scaleY];
                component3Line = component3.lines[0 | y * component3.scaleY * scaleY];
                for (x = 0; x < width; x++) {
                  if (!colorTransform) {
                    R = component1Line[0 | x * component1.scaleX * scaleX];
                    G = component2Line[0 | x * component2.scaleX * scaleX];
                    B = component3Line[0 | x * component3.scaleX * scaleX];
                  } else {
                    Y = component1Line[0 | x * component1.scaleX * scaleX];
                    Cb = component2Line[0 | x * component2.scaleX * scaleX];
                    Cr = component3Line[0 | x * component3.scaleX * scaleX];
                    R = clampTo8bit(Y + 1.402 * (Cr - 128));
                    G = clampTo8bit(Y - 0.3441363 * (Cb - 128) - 0.71413636 * (Cr - 128));
                    B = clampTo8bit(Y + 1.772 * (Cb - 128));
                  }
                  data[offset++] = R;
                  data[offset++] = G;
                  data[offset++] = B;
                }
              }
              break;
            case 4:
              if (!this.adobe)
                throw new Error("Unsupported color mode (4 components)");
              colorTransform = false;
              if (this.adobe && this.adobe.transformCode)
                colorTransform = true;
              else if (typeof this.opts.colorTransform !== "undefined")
                colorTransform = !!this.opts.colorTransform;
              component1 = this.components[0];
              component2 = this.components[1];
              component3 = this.components[2];
              component4 = this.components[3];
              for (y = 0; y < height; y++) {
                component1Line = component1.lines[0 | y * component1.scaleY * scaleY];
                component2Line = component2.lines[0 | y * component2.scaleY * scaleY];
                component3Line = component3.lines[0 | y * component3.scaleY * scaleY];
                component4Line = component4.lines[0 | y * component4.scaleY * scaleY];
                for (x = 0; x < width; x++) {
                  if (!colorTransform) {
                    C = component1Line[0 | x * component1.scaleX * scaleX];
                    M = component2Line[0 | x * component2.scaleX * scaleX];
                    Ye = component3Line[0 | x * component3.scaleX * scaleX];
                    K2 = component4Line[0 | x * component4.scaleX * scaleX];
                  } else {
                    Y = component1Line[0 | x * component1.scaleX * scaleX];
                    Cb = component2Line[0 | x * component2.scaleX * scaleX];
                    Cr = component3Line[0 | x * component3.scaleX * scaleX];
                    K2 = component4Line[0 | x * component4.scaleX * scaleX];
                    C = 255 - clampTo8bit(Y + 1.402 * (Cr - 128));
                    M = 255 - clampTo8bit(Y - 0.3441363 * (Cb - 128) - 0.71413636 * (Cr - 128));
                    Ye = 255 - clampTo8bit(Y + 1.772 * (Cb - 128));
                  }
                  data[offset++] = 255 - C;
                  data[offset++] = 255 - M;
                  data[offset++] = 255 - Ye;
                  data[offset++] = 255 - K2;
                }
              }
              break;
            default:
              throw new Error("Unsupported color mode");
          }
          return data;
        }, "getData"),
        copyToImageData: __name10(function copyToImageData(imageData, formatAsRGBA) {
          var width = imageData.width, height = imageData.height;
          var imageDataArray = imageData.data;
          var data = this.getData(width, height);
          var i = 0, j = 0, x, y;
          var Y, K2, C, M, R, G, B;
          switch (this.components.length) {
            case 1:
              for (y = 0; y < height; y++) {
                for (x = 0; x < width; x++) {
                  Y = data[i++];
                  imageDataArray[j++] = Y;
                  imageDataArray[j++] = Y;
                  imageDataArray[j++] = Y;
                  if (formatAsRGBA) {
                    imageDataArray[j++] = 255;
                  }
                }
              }
              break;
            case 3:
              for (y = 0; y < height; y++) {
                for (x = 0; x < width; x++) {
                  R = data[i++];
                  G = data[i++];
                  B = data[i++];
                  imageDataArray[j++] = R;
                  imageDataArray[j++] = G;
                  imageDataArray[j++] = B;
                  if (formatAsRGBA) {
                    imageDataArray[j++] = 255;
                  }
                }
              }
              break;
            case 4:
              for (y = 0; y < height; y++) {
                for (x = 0; x < width; x++) {
                  C = data[i++];
                  M = data[i++];
                  Y = data[i++];
                  K2 = data[i++];
                  R = 255 - clampTo8bit(C * (1 - K2 / 255) + K2);
                  G = 255 - clampTo8bit(M * (1 - K2 / 255) + K2);
                  B = 255 - clampTo8bit(Y * (1 - K2 / 255) + K2);
                  imageDataArray[j++] = R;
                  imageDataArray[j++] = G;
                  imageDataArray[j++] = B;
                  if (formatAsRGBA) {
                    imageDataArray[j++] = 255;
                  }
                }
              }
              break;
            default:
              throw new Error("Unsupported color mode");
          }
        }, "copyToImageData")
      };
      var totalBytesAllocated = 0;
      var maxMemoryUsageBytes = 0;
      function requestMemoryAllocation(increaseAmount = 0) {
        var totalMemoryImpactBytes = totalBytesAllocated + increaseAmount;
        if (totalMemoryImpactBytes > maxMemoryUsageBytes) {
          var exceededAmount = Math.ceil((totalMemoryImpactBytes - maxMemoryUsageBytes) / 1024 / 1024);
          throw new Error(`maxMemoryUsageInMB limit exceeded by at least ${exceededAmount}MB`);
        }
        totalBytesAllocated = totalMemoryImpactBytes;
      }
      __name10(requestMemoryAllocation, "requestMemoryAllocation");
      constructor.resetMaxMemoryUsage = function(maxMemoryUsageBytes_) {
        totalBytesAllocated = 0;
        maxMemoryUsageBytes = maxMemoryUsageBytes_;
      };
      constructor.getBytesAllocated = function() {
        return totalBytesAllocated;
      };
      constructor.requestMemoryAllocation = requestMemoryAllocation;
      return constructor;
    }), "jpegImage")();
    if (typeof module !== "undefined") {
      module.exports = decode;
    } else if (typeof window !== "undefined") {
      window["jpeg-js"] = window["jpeg-js"] || {};
      window["jpeg-js"].decode = decode;
    }
    function decode(jpegData, userOpts = {}) {
      var defaultOpts = {
        // "undefined" means "Choose whether to transform colors based on the image’s color model."
        colorTransform: void 0,
        useTArray: false,
        formatAsRGBA: true,
        tolerantDecoding: true,
        maxResolutionInMP: 100,
        // Don't decode more than 100 megapixels
        maxMemoryUsageInMB: 512
        // Don't decode if memory footprint is more than 512MB
      };
      var opts = { ...defaultOpts, ...userOpts };
      var arr = new Uint8Array(jpegData);
      var decoder = new JpegImage();
      decoder.opts = opts;
      JpegImage.resetMaxMemoryUsage(opts.maxMemoryUsageInMB * 1024 * 1024);
      decoder.parse(arr);
      var channels = opts.formatAsRGBA ? 4 : 3;
      var bytesNeeded = decoder.width * decoder.height * channels;
      try {
        JpegImage.requestMemoryAllocation(bytesNeeded);
        var image = {
          width: decoder.width,
          height: decoder.height,
          exifBuffer: decoder.exifBuffer,
          data: opts.useTArray ? new Uint8Array(bytesNeeded) : Buffer.alloc(bytesNeeded)
        };
        if (decoder.comments.length > 0) {
          image["comments"] = decoder.comments;
        }
      } catch (err) {
        if (err instanceof RangeError) {
          throw new Error("Could not allocate enough memory for the image. Required: " + bytesNeeded);
        }
        if (err instanceof ReferenceError) {
          if (err.message === "Buffer is not defined") {
            throw new Error("Buffer is not globally defined in this environment. Consider setting useTArray to true");
          }
        }
        throw err;
      }
      decoder.copyToImageData(image, opts.formatAsRGBA);
      return image;
    }
    __name10(decode, "decode");
  }
});

// node_modules/jpeg-js/index.js
var require_jpeg_js = __commonJS({
  "node_modules/jpeg-js/index.js"(exports, module) {
    var encode = require_encoder();
    var decode = require_decoder();
    module.exports = {
      encode,
      decode
    };
  }
});

// node_modules/pngjs/lib/chunkstream.js
var require_chunkstream = __commonJS({
  "node_modules/pngjs/lib/chunkstream.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var Stream = __require("stream");
    var ChunkStream = module.exports = function() {
      Stream.call(this);
      this._buffers = [];
      this._buffered = 0;
      this._reads = [];
      this._paused = false;
      this._encoding = "utf8";
      this.writable = true;
    };
    util.inherits(ChunkStream, Stream);
    ChunkStream.prototype.read = function(length, callback) {
      this._reads.push({
        length: Math.abs(length),
        // if length < 0 then at most this length
        allowLess: length < 0,
        func: callback
      });
      process.nextTick(
        function() {
          this._process();
          if (this._paused && this._reads && this._reads.length > 0) {
            this._paused = false;
            this.emit("drain");
          }
        }.bind(this)
      );
    };
    ChunkStream.prototype.write = function(data, encoding) {
      if (!this.writable) {
        this.emit("error", new Error("Stream not writable"));
        return false;
      }
      let dataBuffer;
      if (Buffer.isBuffer(data)) {
        dataBuffer = data;
      } else {
        dataBuffer = Buffer.from(data, encoding || this._encoding);
      }
      this._buffers.push(dataBuffer);
      this._buffered += dataBuffer.length;
      this._process();
      if (this._reads && this._reads.length === 0) {
        this._paused = true;
      }
      return this.writable && !this._paused;
    };
    ChunkStream.prototype.end = function(data, encoding) {
      if (data) {
        this.write(data, encoding);
      }
      this.writable = false;
      if (!this._buffers) {
        return;
      }
      if (this._buffers.length === 0) {
        this._end();
      } else {
        this._buffers.push(null);
        this._process();
      }
    };
    ChunkStream.prototype.destroySoon = ChunkStream.prototype.end;
    ChunkStream.prototype._end = function() {
      if (this._reads.length > 0) {
        this.emit("error", new Error("Unexpected end of input"));
      }
      this.destroy();
    };
    ChunkStream.prototype.destroy = function() {
      if (!this._buffers) {
        return;
      }
      this.writable = false;
      this._reads = null;
      this._buffers = null;
      this.emit("close");
    };
    ChunkStream.prototype._processReadAllowingLess = function(read) {
      this._reads.shift();
      let smallerBuf = this._buffers[0];
      if (smallerBuf.length > read.length) {
        this._buffered -= read.length;
        this._buffers[0] = smallerBuf.slice(read.length);
        read.func.call(this, smallerBuf.slice(0, read.length));
      } else {
        this._buffered -= smallerBuf.length;
        this._buffers.shift();
        read.func.call(this, smallerBuf);
      }
    };
    ChunkStream.prototype._processRead = function(read) {
      this._reads.shift();
      let pos = 0;
      let count = 0;
      let data = Buffer.alloc(read.length);
      while (pos < read.length) {
        let buf = this._buffers[count++];
        let len = Math.min(buf.length, read.length - pos);
        buf.copy(data, pos, 0, len);
        pos += len;
        if (len !== buf.length) {
          this._buffers[--count] = buf.slice(len);
        }
      }
      if (count > 0) {
        this._buffers.splice(0, count);
      }
      this._buffered -= read.length;
      read.func.call(this, data);
    };
    ChunkStream.prototype._process = function() {
      try {
        while (this._buffered > 0 && this._reads && this._reads.length > 0) {
          let read = this._reads[0];
          if (read.allowLess) {
            this._processReadAllowingLess(read);
          } else if (this._buffered >= read.length) {
            this._processRead(read);
          } else {
            break;
          }
        }
        if (this._buffers && !this.writable) {
          this._end();
        }
      } catch (ex) {
        this.emit("error", ex);
      }
    };
  }
});

// node_modules/pngjs/lib/interlace.js
var require_interlace = __commonJS({
  "node_modules/pngjs/lib/interlace.js"(exports) {
    "use strict";
    var imagePasses = [
      {
        // pass 1 - 1px
        x: [0],
        y: [0]
      },
      {
        // pass 2 - 1px
        x: [4],
        y: [0]
      },
      {
        // pass 3 - 2px
        x: [0, 4],
        y: [4]
      },
      {
        // pass 4 - 4px
        x: [2, 6],
        y: [0, 4]
      },
      {
        // pass 5 - 8px
        x: [0, 2, 4, 6],
        y: [2, 6]
      },
      {
        // pass 6 - 16px
        x: [1, 3, 5, 7],
        y: [0, 2, 4, 6]
      },
      {
        // pass 7 - 32px
        x: [0, 1, 2, 3, 4, 5, 6, 7],
        y: [1, 3, 5, 7]
      }
    ];
    exports.getImagePasses = function(width, height) {
      let images = [];
      let xLeftOver = width % 8;
      let yLeftOver = height % 8;
      let xRepeats = (width - xLeftOver) / 8;
      let yRepeats = (height - yLeftOver) / 8;
      for (let i = 0; i < imagePasses.length; i++) {
        let pass = imagePasses[i];
        let passWidth = xRepeats * pass.x.length;
        let passHeight = yRepeats * pass.y.length;
        for (let j = 0; j < pass.x.length; j++) {
          if (pass.x[j] < xLeftOver) {
            passWidth++;
          } else {
            break;
          }
        }
        for (let j = 0; j < pass.y.length; j++) {
          if (pass.y[j] < yLeftOver) {
            passHeight++;
          } else {
            break;
          }
        }
        if (passWidth > 0 && passHeight > 0) {
          images.push({ width: passWidth, height: passHeight, index: i });
        }
      }
      return images;
    };
    exports.getInterlaceIterator = function(width) {
      return function(x, y, pass) {
        let outerXLeftOver = x % imagePasses[pass].x.length;
        let outerX = (x - outerXLeftOver) / imagePasses[pass].x.length * 8 + imagePasses[pass].x[outerXLeftOver];
        let outerYLeftOver = y % imagePasses[pass].y.length;
        let outerY = (y - outerYLeftOver) / imagePasses[pass].y.length * 8 + imagePasses[pass].y[outerYLeftOver];
        return outerX * 4 + outerY * width * 4;
      };
    };
  }
});

// node_modules/pngjs/lib/paeth-predictor.js
var require_paeth_predictor = __commonJS({
  "node_modules/pngjs/lib/paeth-predictor.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    module.exports = __name10(function paethPredictor(left, above, upLeft) {
      let paeth = left + above - upLeft;
      let pLeft = Math.abs(paeth - left);
      let pAbove = Math.abs(paeth - above);
      let pUpLeft = Math.abs(paeth - upLeft);
      if (pLeft <= pAbove && pLeft <= pUpLeft) {
        return left;
      }
      if (pAbove <= pUpLeft) {
        return above;
      }
      return upLeft;
    }, "paethPredictor");
  }
});

// node_modules/pngjs/lib/filter-parse.js
var require_filter_parse = __commonJS({
  "node_modules/pngjs/lib/filter-parse.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var interlaceUtils = require_interlace();
    var paethPredictor = require_paeth_predictor();
    function getByteWidth(width, bpp, depth) {
      let byteWidth = width * bpp;
      if (depth !== 8) {
        byteWidth = Math.ceil(byteWidth / (8 / depth));
      }
      return byteWidth;
    }
    __name10(getByteWidth, "getByteWidth");
    var Filter = module.exports = function(bitmapInfo, dependencies) {
      let width = bitmapInfo.width;
      let height = bitmapInfo.height;
      let interlace = bitmapInfo.interlace;
      let bpp = bitmapInfo.bpp;
      let depth = bitmapInfo.depth;
      this.read = dependencies.read;
      this.write = dependencies.write;
      this.complete = dependencies.complete;
      this._imageIndex = 0;
      this._images = [];
      if (interlace) {
        let passes = interlaceUtils.getImagePasses(width, height);
        for (let i = 0; i < passes.length; i++) {
          this._images.push({
            byteWidth: getByteWidth(passes[i].width, bpp, depth),
            height: passes[i].height,
            lineIndex: 0
          });
        }
      } else {
        this._images.push({
          byteWidth: getByteWidth(width, bpp, depth),
          height,
          lineIndex: 0
        });
      }
      if (depth === 8) {
        this._xComparison = bpp;
      } else if (depth === 16) {
        this._xComparison = bpp * 2;
      } else {
        this._xComparison = 1;
      }
    };
    Filter.prototype.start = function() {
      this.read(
        this._images[this._imageIndex].byteWidth + 1,
        this._reverseFilterLine.bind(this)
      );
    };
    Filter.prototype._unFilterType1 = function(rawData, unfilteredLine, byteWidth) {
      let xComparison = this._xComparison;
      let xBiggerThan = xComparison - 1;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f1Left = x > xBiggerThan ? unfilteredLine[x - xComparison] : 0;
        unfilteredLine[x] = rawByte + f1Left;
      }
    };
    Filter.prototype._unFilterType2 = function(rawData, unfilteredLine, byteWidth) {
      let lastLine = this._lastLine;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f2Up = lastLine ? lastLine[x] : 0;
        unfilteredLine[x] = rawByte + f2Up;
      }
    };
    Filter.prototype._unFilterType3 = function(rawData, unfilteredLine, byteWidth) {
      let xComparison = this._xComparison;
      let xBiggerThan = xComparison - 1;
      let lastLine = this._lastLine;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f3Up = lastLine ? lastLine[x] : 0;
        let f3Left = x > xBiggerThan ? unfilteredLine[x - xComparison] : 0;
        let f3Add = Math.floor((f3Left + f3Up) / 2);
        unfilteredLine[x] = rawByte + f3Add;
      }
    };
    Filter.prototype._unFilterType4 = function(rawData, unfilteredLine, byteWidth) {
      let xComparison = this._xComparison;
      let xBiggerThan = xComparison - 1;
      let lastLine = this._lastLine;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f4Up = lastLine ? lastLine[x] : 0;
        let f4Left = x > xBiggerThan ? unfilteredLine[x - xComparison] : 0;
        let f4UpLeft = x > xBiggerThan && lastLine ? lastLine[x - xComparison] : 0;
        let f4Add = paethPredictor(f4Left, f4Up, f4UpLeft);
        unfilteredLine[x] = rawByte + f4Add;
      }
    };
    Filter.prototype._reverseFilterLine = function(rawData) {
      let filter = rawData[0];
      let unfilteredLine;
      let currentImage = this._images[this._imageIndex];
      let byteWidth = currentImage.byteWidth;
      if (filter === 0) {
        unfilteredLine = rawData.slice(1, byteWidth + 1);
      } else {
        unfilteredLine = Buffer.alloc(byteWidth);
        switch (filter) {
          case 1:
            this._unFilterType1(rawData, unfilteredLine, byteWidth);
            break;
          case 2:
            this._unFilterType2(rawData, unfilteredLine, byteWidth);
            break;
          case 3:
            this._unFilterType3(rawData, unfilteredLine, byteWidth);
            break;
          case 4:
            this._unFilterType4(rawData, unfilteredLine, byteWidth);
            break;
          default:
            throw new Error("Unrecognised filter type - " + filter);
        }
      }
      this.write(unfilteredLine);
      currentImage.lineIndex++;
      if (currentImage.lineIndex >= currentImage.height) {
        this._lastLine = null;
        this._imageIndex++;
        currentImage = this._images[this._imageIndex];
      } else {
        this._lastLine = unfilteredLine;
      }
      if (currentImage) {
        this.read(currentImage.byteWidth + 1, this._reverseFilterLine.bind(this));
      } else {
        this._lastLine = null;
        this.complete();
      }
    };
  }
});

// node_modules/pngjs/lib/filter-parse-async.js
var require_filter_parse_async = __commonJS({
  "node_modules/pngjs/lib/filter-parse-async.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var util = __require("util");
    var ChunkStream = require_chunkstream();
    var Filter = require_filter_parse();
    var FilterAsync = module.exports = function(bitmapInfo) {
      ChunkStream.call(this);
      let buffers = [];
      let that = this;
      this._filter = new Filter(bitmapInfo, {
        read: this.read.bind(this),
        write: __name10(function(buffer) {
          buffers.push(buffer);
        }, "write"),
        complete: __name10(function() {
          that.emit("complete", Buffer.concat(buffers));
        }, "complete")
      });
      this._filter.start();
    };
    util.inherits(FilterAsync, ChunkStream);
  }
});

// node_modules/pngjs/lib/constants.js
var require_constants = __commonJS({
  "node_modules/pngjs/lib/constants.js"(exports, module) {
    "use strict";
    module.exports = {
      PNG_SIGNATURE: [137, 80, 78, 71, 13, 10, 26, 10],
      TYPE_IHDR: 1229472850,
      TYPE_IEND: 1229278788,
      TYPE_IDAT: 1229209940,
      TYPE_PLTE: 1347179589,
      TYPE_tRNS: 1951551059,
      // eslint-disable-line camelcase
      TYPE_gAMA: 1732332865,
      // eslint-disable-line camelcase
      // color-type bits
      COLORTYPE_GRAYSCALE: 0,
      COLORTYPE_PALETTE: 1,
      COLORTYPE_COLOR: 2,
      COLORTYPE_ALPHA: 4,
      // e.g. grayscale and alpha
      // color-type combinations
      COLORTYPE_PALETTE_COLOR: 3,
      COLORTYPE_COLOR_ALPHA: 6,
      COLORTYPE_TO_BPP_MAP: {
        0: 1,
        2: 3,
        3: 1,
        4: 2,
        6: 4
      },
      GAMMA_DIVISION: 1e5
    };
  }
});

// node_modules/pngjs/lib/crc.js
var require_crc = __commonJS({
  "node_modules/pngjs/lib/crc.js"(exports, module) {
    "use strict";
    var crcTable = [];
    (function() {
      for (let i = 0; i < 256; i++) {
        let currentCrc = i;
        for (let j = 0; j < 8; j++) {
          if (currentCrc & 1) {
            currentCrc = 3988292384 ^ currentCrc >>> 1;
          } else {
            currentCrc = currentCrc >>> 1;
          }
        }
        crcTable[i] = currentCrc;
      }
    })();
    var CrcCalculator = module.exports = function() {
      this._crc = -1;
    };
    CrcCalculator.prototype.write = function(data) {
      for (let i = 0; i < data.length; i++) {
        this._crc = crcTable[(this._crc ^ data[i]) & 255] ^ this._crc >>> 8;
      }
      return true;
    };
    CrcCalculator.prototype.crc32 = function() {
      return this._crc ^ -1;
    };
    CrcCalculator.crc32 = function(buf) {
      let crc = -1;
      for (let i = 0; i < buf.length; i++) {
        crc = crcTable[(crc ^ buf[i]) & 255] ^ crc >>> 8;
      }
      return crc ^ -1;
    };
  }
});

// node_modules/pngjs/lib/parser.js
var require_parser = __commonJS({
  "node_modules/pngjs/lib/parser.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var CrcCalculator = require_crc();
    var Parser = module.exports = function(options, dependencies) {
      this._options = options;
      options.checkCRC = options.checkCRC !== false;
      this._hasIHDR = false;
      this._hasIEND = false;
      this._emittedHeadersFinished = false;
      this._palette = [];
      this._colorType = 0;
      this._chunks = {};
      this._chunks[constants.TYPE_IHDR] = this._handleIHDR.bind(this);
      this._chunks[constants.TYPE_IEND] = this._handleIEND.bind(this);
      this._chunks[constants.TYPE_IDAT] = this._handleIDAT.bind(this);
      this._chunks[constants.TYPE_PLTE] = this._handlePLTE.bind(this);
      this._chunks[constants.TYPE_tRNS] = this._handleTRNS.bind(this);
      this._chunks[constants.TYPE_gAMA] = this._handleGAMA.bind(this);
      this.read = dependencies.read;
      this.error = dependencies.error;
      this.metadata = dependencies.metadata;
      this.gamma = dependencies.gamma;
      this.transColor = dependencies.transColor;
      this.palette = dependencies.palette;
      this.parsed = dependencies.parsed;
      this.inflateData = dependencies.inflateData;
      this.finished = dependencies.finished;
      this.simpleTransparency = dependencies.simpleTransparency;
      this.headersFinished = dependencies.headersFinished || function() {
      };
    };
    Parser.prototype.start = function() {
      this.read(constants.PNG_SIGNATURE.length, this._parseSignature.bind(this));
    };
    Parser.prototype._parseSignature = function(data) {
      let signature = constants.PNG_SIGNATURE;
      for (let i = 0; i < signature.length; i++) {
        if (data[i] !== signature[i]) {
          this.error(new Error("Invalid file signature"));
          return;
        }
      }
      this.read(8, this._parseChunkBegin.bind(this));
    };
    Parser.prototype._parseChunkBegin = function(data) {
      let length = data.readUInt32BE(0);
      let type = data.readUInt32BE(4);
      let name = "";
      for (let i = 4; i < 8; i++) {
        name += String.fromCharCode(data[i]);
      }
      let ancillary = Boolean(data[4] & 32);
      if (!this._hasIHDR && type !== constants.TYPE_IHDR) {
        this.error(new Error("Expected IHDR on beggining"));
        return;
      }
      this._crc = new CrcCalculator();
      this._crc.write(Buffer.from(name));
      if (this._chunks[type]) {
        return this._chunks[type](length);
      }
      if (!ancillary) {
        this.error(new Error("Unsupported critical chunk type " + name));
        return;
      }
      this.read(length + 4, this._skipChunk.bind(this));
    };
    Parser.prototype._skipChunk = function() {
      this.read(8, this._parseChunkBegin.bind(this));
    };
    Parser.prototype._handleChunkEnd = function() {
      this.read(4, this._parseChunkEnd.bind(this));
    };
    Parser.prototype._parseChunkEnd = function(data) {
      let fileCrc = data.readInt32BE(0);
      let calcCrc = this._crc.crc32();
      if (this._options.checkCRC && calcCrc !== fileCrc) {
        this.error(new Error("Crc error - " + fileCrc + " - " + calcCrc));
        return;
      }
      if (!this._hasIEND) {
        this.read(8, this._parseChunkBegin.bind(this));
      }
    };
    Parser.prototype._handleIHDR = function(length) {
      this.read(length, this._parseIHDR.bind(this));
    };
    Parser.prototype._parseIHDR = function(data) {
      this._crc.write(data);
      let width = data.readUInt32BE(0);
      let height = data.readUInt32BE(4);
      let depth = data[8];
      let colorType = data[9];
      let compr = data[10];
      let filter = data[11];
      let interlace = data[12];
      if (depth !== 8 && depth !== 4 && depth !== 2 && depth !== 1 && depth !== 16) {
        this.error(new Error("Unsupported bit depth " + depth));
        return;
      }
      if (!(colorType in constants.COLORTYPE_TO_BPP_MAP)) {
        this.error(new Error("Unsupported color type"));
        return;
      }
      if (compr !== 0) {
        this.error(new Error("Unsupported compression method"));
        return;
      }
      if (filter !== 0) {
        this.error(new Error("Unsupported filter method"));
        return;
      }
      if (interlace !== 0 && interlace !== 1) {
        this.error(new Error("Unsupported interlace method"));
        return;
      }
      this._colorType = colorType;
      let bpp = constants.COLORTYPE_TO_BPP_MAP[this._colorType];
      this._hasIHDR = true;
      this.metadata({
        width,
        height,
        depth,
        interlace: Boolean(interlace),
        palette: Boolean(colorType & constants.COLORTYPE_PALETTE),
        color: Boolean(colorType & constants.COLORTYPE_COLOR),
        alpha: Boolean(colorType & constants.COLORTYPE_ALPHA),
        bpp,
        colorType
      });
      this._handleChunkEnd();
    };
    Parser.prototype._handlePLTE = function(length) {
      this.read(length, this._parsePLTE.bind(this));
    };
    Parser.prototype._parsePLTE = function(data) {
      this._crc.write(data);
      let entries = Math.floor(data.length / 3);
      for (let i = 0; i < entries; i++) {
        this._palette.push([data[i * 3], data[i * 3 + 1], data[i * 3 + 2], 255]);
      }
      this.palette(this._palette);
      this._handleChunkEnd();
    };
    Parser.prototype._handleTRNS = function(length) {
      this.simpleTransparency();
      this.read(length, this._parseTRNS.bind(this));
    };
    Parser.prototype._parseTRNS = function(data) {
      this._crc.write(data);
      if (this._colorType === constants.COLORTYPE_PALETTE_COLOR) {
        if (this._palette.length === 0) {
          this.error(new Error("Transparency chunk must be after palette"));
          return;
        }
        if (data.length > this._palette.length) {
          this.error(new Error("More transparent colors than palette size"));
          return;
        }
        for (let i = 0; i < data.length; i++) {
          this._palette[i][3] = data[i];
        }
        this.palette(this._palette);
      }
      if (this._colorType === constants.COLORTYPE_GRAYSCALE) {
        this.transColor([data.readUInt16BE(0)]);
      }
      if (this._colorType === constants.COLORTYPE_COLOR) {
        this.transColor([
          data.readUInt16BE(0),
          data.readUInt16BE(2),
          data.readUInt16BE(4)
        ]);
      }
      this._handleChunkEnd();
    };
    Parser.prototype._handleGAMA = function(length) {
      this.read(length, this._parseGAMA.bind(this));
    };
    Parser.prototype._parseGAMA = function(data) {
      this._crc.write(data);
      this.gamma(data.readUInt32BE(0) / constants.GAMMA_DIVISION);
      this._handleChunkEnd();
    };
    Parser.prototype._handleIDAT = function(length) {
      if (!this._emittedHeadersFinished) {
        this._emittedHeadersFinished = true;
        this.headersFinished();
      }
      this.read(-length, this._parseIDAT.bind(this, length));
    };
    Parser.prototype._parseIDAT = function(length, data) {
      this._crc.write(data);
      if (this._colorType === constants.COLORTYPE_PALETTE_COLOR && this._palette.length === 0) {
        throw new Error("Expected palette not found");
      }
      this.inflateData(data);
      let leftOverLength = length - data.length;
      if (leftOverLength > 0) {
        this._handleIDAT(leftOverLength);
      } else {
        this._handleChunkEnd();
      }
    };
    Parser.prototype._handleIEND = function(length) {
      this.read(length, this._parseIEND.bind(this));
    };
    Parser.prototype._parseIEND = function(data) {
      this._crc.write(data);
      this._hasIEND = true;
      this._handleChunkEnd();
      if (this.finished) {
        this.finished();
      }
    };
  }
});

// node_modules/pngjs/lib/bitmapper.js
var require_bitmapper = __commonJS({
  "node_modules/pngjs/lib/bitmapper.js"(exports) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var interlaceUtils = require_interlace();
    var pixelBppMapper = [
      // 0 - dummy entry
      function() {
      },
      // 1 - L
      // 0: 0, 1: 0, 2: 0, 3: 0xff
      function(pxData, data, pxPos, rawPos) {
        if (rawPos === data.length) {
          throw new Error("Ran out of data");
        }
        let pixel = data[rawPos];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = 255;
      },
      // 2 - LA
      // 0: 0, 1: 0, 2: 0, 3: 1
      function(pxData, data, pxPos, rawPos) {
        if (rawPos + 1 >= data.length) {
          throw new Error("Ran out of data");
        }
        let pixel = data[rawPos];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = data[rawPos + 1];
      },
      // 3 - RGB
      // 0: 0, 1: 1, 2: 2, 3: 0xff
      function(pxData, data, pxPos, rawPos) {
        if (rawPos + 2 >= data.length) {
          throw new Error("Ran out of data");
        }
        pxData[pxPos] = data[rawPos];
        pxData[pxPos + 1] = data[rawPos + 1];
        pxData[pxPos + 2] = data[rawPos + 2];
        pxData[pxPos + 3] = 255;
      },
      // 4 - RGBA
      // 0: 0, 1: 1, 2: 2, 3: 3
      function(pxData, data, pxPos, rawPos) {
        if (rawPos + 3 >= data.length) {
          throw new Error("Ran out of data");
        }
        pxData[pxPos] = data[rawPos];
        pxData[pxPos + 1] = data[rawPos + 1];
        pxData[pxPos + 2] = data[rawPos + 2];
        pxData[pxPos + 3] = data[rawPos + 3];
      }
    ];
    var pixelBppCustomMapper = [
      // 0 - dummy entry
      function() {
      },
      // 1 - L
      // 0: 0, 1: 0, 2: 0, 3: 0xff
      function(pxData, pixelData, pxPos, maxBit) {
        let pixel = pixelData[0];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = maxBit;
      },
      // 2 - LA
      // 0: 0, 1: 0, 2: 0, 3: 1
      function(pxData, pixelData, pxPos) {
        let pixel = pixelData[0];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = pixelData[1];
      },
      // 3 - RGB
      // 0: 0, 1: 1, 2: 2, 3: 0xff
      function(pxData, pixelData, pxPos, maxBit) {
        pxData[pxPos] = pixelData[0];
        pxData[pxPos + 1] = pixelData[1];
        pxData[pxPos + 2] = pixelData[2];
        pxData[pxPos + 3] = maxBit;
      },
      // 4 - RGBA
      // 0: 0, 1: 1, 2: 2, 3: 3
      function(pxData, pixelData, pxPos) {
        pxData[pxPos] = pixelData[0];
        pxData[pxPos + 1] = pixelData[1];
        pxData[pxPos + 2] = pixelData[2];
        pxData[pxPos + 3] = pixelData[3];
      }
    ];
    function bitRetriever(data, depth) {
      let leftOver = [];
      let i = 0;
      function split() {
        if (i === data.length) {
          throw new Error("Ran out of data");
        }
        let byte = data[i];
        i++;
        let byte8, byte7, byte6, byte5, byte4, byte3, byte2, byte1;
        switch (depth) {
          default:
            throw new Error("unrecognised depth");
          case 16:
            byte2 = data[i];
            i++;
            leftOver.push((byte << 8) + byte2);
            break;
          case 4:
            byte2 = byte & 15;
            byte1 = byte >> 4;
            leftOver.push(byte1, byte2);
            break;
          case 2:
            byte4 = byte & 3;
            byte3 = byte >> 2 & 3;
            byte2 = byte >> 4 & 3;
            byte1 = byte >> 6 & 3;
            leftOver.push(byte1, byte2, byte3, byte4);
            break;
          case 1:
            byte8 = byte & 1;
            byte7 = byte >> 1 & 1;
            byte6 = byte >> 2 & 1;
            byte5 = byte >> 3 & 1;
            byte4 = byte >> 4 & 1;
            byte3 = byte >> 5 & 1;
            byte2 = byte >> 6 & 1;
            byte1 = byte >> 7 & 1;
            leftOver.push(byte1, byte2, byte3, byte4, byte5, byte6, byte7, byte8);
            break;
        }
      }
      __name10(split, "split");
      return {
        get: __name10(function(count) {
          while (leftOver.length < count) {
            split();
          }
          let returner = leftOver.slice(0, count);
          leftOver = leftOver.slice(count);
          return returner;
        }, "get"),
        resetAfterLine: __name10(function() {
          leftOver.length = 0;
        }, "resetAfterLine"),
        end: __name10(function() {
          if (i !== data.length) {
            throw new Error("extra data found");
          }
        }, "end")
      };
    }
    __name10(bitRetriever, "bitRetriever");
    function mapImage8Bit(image, pxData, getPxPos, bpp, data, rawPos) {
      let imageWidth = image.width;
      let imageHeight = image.height;
      let imagePass = image.index;
      for (let y = 0; y < imageHeight; y++) {
        for (let x = 0; x < imageWidth; x++) {
          let pxPos = getPxPos(x, y, imagePass);
          pixelBppMapper[bpp](pxData, data, pxPos, rawPos);
          rawPos += bpp;
        }
      }
      return rawPos;
    }
    __name10(mapImage8Bit, "mapImage8Bit");
    function mapImageCustomBit(image, pxData, getPxPos, bpp, bits, maxBit) {
      let imageWidth = image.width;
      let imageHeight = image.height;
      let imagePass = image.index;
      for (let y = 0; y < imageHeight; y++) {
        for (let x = 0; x < imageWidth; x++) {
          let pixelData = bits.get(bpp);
          let pxPos = getPxPos(x, y, imagePass);
          pixelBppCustomMapper[bpp](pxData, pixelData, pxPos, maxBit);
        }
        bits.resetAfterLine();
      }
    }
    __name10(mapImageCustomBit, "mapImageCustomBit");
    exports.dataToBitMap = function(data, bitmapInfo) {
      let width = bitmapInfo.width;
      let height = bitmapInfo.height;
      let depth = bitmapInfo.depth;
      let bpp = bitmapInfo.bpp;
      let interlace = bitmapInfo.interlace;
      let bits;
      if (depth !== 8) {
        bits = bitRetriever(data, depth);
      }
      let pxData;
      if (depth <= 8) {
        pxData = Buffer.alloc(width * height * 4);
      } else {
        pxData = new Uint16Array(width * height * 4);
      }
      let maxBit = Math.pow(2, depth) - 1;
      let rawPos = 0;
      let images;
      let getPxPos;
      if (interlace) {
        images = interlaceUtils.getImagePasses(width, height);
        getPxPos = interlaceUtils.getInterlaceIterator(width, height);
      } else {
        let nonInterlacedPxPos = 0;
        getPxPos = __name10(function() {
          let returner = nonInterlacedPxPos;
          nonInterlacedPxPos += 4;
          return returner;
        }, "getPxPos");
        images = [{ width, height }];
      }
      for (let imageIndex = 0; imageIndex < images.length; imageIndex++) {
        if (depth === 8) {
          rawPos = mapImage8Bit(
            images[imageIndex],
            pxData,
            getPxPos,
            bpp,
            data,
            rawPos
          );
        } else {
          mapImageCustomBit(
            images[imageIndex],
            pxData,
            getPxPos,
            bpp,
            bits,
            maxBit
          );
        }
      }
      if (depth === 8) {
        if (rawPos !== data.length) {
          throw new Error("extra data found");
        }
      } else {
        bits.end();
      }
      return pxData;
    };
  }
});

// node_modules/pngjs/lib/format-normaliser.js
var require_format_normaliser = __commonJS({
  "node_modules/pngjs/lib/format-normaliser.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    function dePalette(indata, outdata, width, height, palette) {
      let pxPos = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let color = palette[indata[pxPos]];
          if (!color) {
            throw new Error("index " + indata[pxPos] + " not in palette");
          }
          for (let i = 0; i < 4; i++) {
            outdata[pxPos + i] = color[i];
          }
          pxPos += 4;
        }
      }
    }
    __name10(dePalette, "dePalette");
    function replaceTransparentColor(indata, outdata, width, height, transColor) {
      let pxPos = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let makeTrans = false;
          if (transColor.length === 1) {
            if (transColor[0] === indata[pxPos]) {
              makeTrans = true;
            }
          } else if (transColor[0] === indata[pxPos] && transColor[1] === indata[pxPos + 1] && transColor[2] === indata[pxPos + 2]) {
            makeTrans = true;
          }
          if (makeTrans) {
            for (let i = 0; i < 4; i++) {
              outdata[pxPos + i] = 0;
            }
          }
          pxPos += 4;
        }
      }
    }
    __name10(replaceTransparentColor, "replaceTransparentColor");
    function scaleDepth(indata, outdata, width, height, depth) {
      let maxOutSample = 255;
      let maxInSample = Math.pow(2, depth) - 1;
      let pxPos = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          for (let i = 0; i < 4; i++) {
            outdata[pxPos + i] = Math.floor(
              indata[pxPos + i] * maxOutSample / maxInSample + 0.5
            );
          }
          pxPos += 4;
        }
      }
    }
    __name10(scaleDepth, "scaleDepth");
    module.exports = function(indata, imageData, skipRescale = false) {
      let depth = imageData.depth;
      let width = imageData.width;
      let height = imageData.height;
      let colorType = imageData.colorType;
      let transColor = imageData.transColor;
      let palette = imageData.palette;
      let outdata = indata;
      if (colorType === 3) {
        dePalette(indata, outdata, width, height, palette);
      } else {
        if (transColor) {
          replaceTransparentColor(indata, outdata, width, height, transColor);
        }
        if (depth !== 8 && !skipRescale) {
          if (depth === 16) {
            outdata = Buffer.alloc(width * height * 4);
          }
          scaleDepth(indata, outdata, width, height, depth);
        }
      }
      return outdata;
    };
  }
});

// node_modules/pngjs/lib/parser-async.js
var require_parser_async = __commonJS({
  "node_modules/pngjs/lib/parser-async.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var zlib = __require("zlib");
    var ChunkStream = require_chunkstream();
    var FilterAsync = require_filter_parse_async();
    var Parser = require_parser();
    var bitmapper = require_bitmapper();
    var formatNormaliser = require_format_normaliser();
    var ParserAsync = module.exports = function(options) {
      ChunkStream.call(this);
      this._parser = new Parser(options, {
        read: this.read.bind(this),
        error: this._handleError.bind(this),
        metadata: this._handleMetaData.bind(this),
        gamma: this.emit.bind(this, "gamma"),
        palette: this._handlePalette.bind(this),
        transColor: this._handleTransColor.bind(this),
        finished: this._finished.bind(this),
        inflateData: this._inflateData.bind(this),
        simpleTransparency: this._simpleTransparency.bind(this),
        headersFinished: this._headersFinished.bind(this)
      });
      this._options = options;
      this.writable = true;
      this._parser.start();
    };
    util.inherits(ParserAsync, ChunkStream);
    ParserAsync.prototype._handleError = function(err) {
      this.emit("error", err);
      this.writable = false;
      this.destroy();
      if (this._inflate && this._inflate.destroy) {
        this._inflate.destroy();
      }
      if (this._filter) {
        this._filter.destroy();
        this._filter.on("error", function() {
        });
      }
      this.errord = true;
    };
    ParserAsync.prototype._inflateData = function(data) {
      if (!this._inflate) {
        if (this._bitmapInfo.interlace) {
          this._inflate = zlib.createInflate();
          this._inflate.on("error", this.emit.bind(this, "error"));
          this._filter.on("complete", this._complete.bind(this));
          this._inflate.pipe(this._filter);
        } else {
          let rowSize = (this._bitmapInfo.width * this._bitmapInfo.bpp * this._bitmapInfo.depth + 7 >> 3) + 1;
          let imageSize = rowSize * this._bitmapInfo.height;
          let chunkSize = Math.max(imageSize, zlib.Z_MIN_CHUNK);
          this._inflate = zlib.createInflate({ chunkSize });
          let leftToInflate = imageSize;
          let emitError = this.emit.bind(this, "error");
          this._inflate.on("error", function(err) {
            if (!leftToInflate) {
              return;
            }
            emitError(err);
          });
          this._filter.on("complete", this._complete.bind(this));
          let filterWrite = this._filter.write.bind(this._filter);
          this._inflate.on("data", function(chunk) {
            if (!leftToInflate) {
              return;
            }
            if (chunk.length > leftToInflate) {
              chunk = chunk.slice(0, leftToInflate);
            }
            leftToInflate -= chunk.length;
            filterWrite(chunk);
          });
          this._inflate.on("end", this._filter.end.bind(this._filter));
        }
      }
      this._inflate.write(data);
    };
    ParserAsync.prototype._handleMetaData = function(metaData) {
      this._metaData = metaData;
      this._bitmapInfo = Object.create(metaData);
      this._filter = new FilterAsync(this._bitmapInfo);
    };
    ParserAsync.prototype._handleTransColor = function(transColor) {
      this._bitmapInfo.transColor = transColor;
    };
    ParserAsync.prototype._handlePalette = function(palette) {
      this._bitmapInfo.palette = palette;
    };
    ParserAsync.prototype._simpleTransparency = function() {
      this._metaData.alpha = true;
    };
    ParserAsync.prototype._headersFinished = function() {
      this.emit("metadata", this._metaData);
    };
    ParserAsync.prototype._finished = function() {
      if (this.errord) {
        return;
      }
      if (!this._inflate) {
        this.emit("error", "No Inflate block");
      } else {
        this._inflate.end();
      }
    };
    ParserAsync.prototype._complete = function(filteredData) {
      if (this.errord) {
        return;
      }
      let normalisedBitmapData;
      try {
        let bitmapData = bitmapper.dataToBitMap(filteredData, this._bitmapInfo);
        normalisedBitmapData = formatNormaliser(
          bitmapData,
          this._bitmapInfo,
          this._options.skipRescale
        );
        bitmapData = null;
      } catch (ex) {
        this._handleError(ex);
        return;
      }
      this.emit("parsed", normalisedBitmapData);
    };
  }
});

// node_modules/pngjs/lib/bitpacker.js
var require_bitpacker = __commonJS({
  "node_modules/pngjs/lib/bitpacker.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var constants = require_constants();
    module.exports = function(dataIn, width, height, options) {
      let outHasAlpha = [constants.COLORTYPE_COLOR_ALPHA, constants.COLORTYPE_ALPHA].indexOf(
        options.colorType
      ) !== -1;
      if (options.colorType === options.inputColorType) {
        let bigEndian = (function() {
          let buffer = new ArrayBuffer(2);
          new DataView(buffer).setInt16(
            0,
            256,
            true
            /* littleEndian */
          );
          return new Int16Array(buffer)[0] !== 256;
        })();
        if (options.bitDepth === 8 || options.bitDepth === 16 && bigEndian) {
          return dataIn;
        }
      }
      let data = options.bitDepth !== 16 ? dataIn : new Uint16Array(dataIn.buffer);
      let maxValue = 255;
      let inBpp = constants.COLORTYPE_TO_BPP_MAP[options.inputColorType];
      if (inBpp === 4 && !options.inputHasAlpha) {
        inBpp = 3;
      }
      let outBpp = constants.COLORTYPE_TO_BPP_MAP[options.colorType];
      if (options.bitDepth === 16) {
        maxValue = 65535;
        outBpp *= 2;
      }
      let outData = Buffer.alloc(width * height * outBpp);
      let inIndex = 0;
      let outIndex = 0;
      let bgColor = options.bgColor || {};
      if (bgColor.red === void 0) {
        bgColor.red = maxValue;
      }
      if (bgColor.green === void 0) {
        bgColor.green = maxValue;
      }
      if (bgColor.blue === void 0) {
        bgColor.blue = maxValue;
      }
      function getRGBA() {
        let red;
        let green;
        let blue;
        let alpha = maxValue;
        switch (options.inputColorType) {
          case constants.COLORTYPE_COLOR_ALPHA:
            alpha = data[inIndex + 3];
            red = data[inIndex];
            green = data[inIndex + 1];
            blue = data[inIndex + 2];
            break;
          case constants.COLORTYPE_COLOR:
            red = data[inIndex];
            green = data[inIndex + 1];
            blue = data[inIndex + 2];
            break;
          case constants.COLORTYPE_ALPHA:
            alpha = data[inIndex + 1];
            red = data[inIndex];
            green = red;
            blue = red;
            break;
          case constants.COLORTYPE_GRAYSCALE:
            red = data[inIndex];
            green = red;
            blue = red;
            break;
          default:
            throw new Error(
              "input color type:" + options.inputColorType + " is not supported at present"
            );
        }
        if (options.inputHasAlpha) {
          if (!outHasAlpha) {
            alpha /= maxValue;
            red = Math.min(
              Math.max(Math.round((1 - alpha) * bgColor.red + alpha * red), 0),
              maxValue
            );
            green = Math.min(
              Math.max(Math.round((1 - alpha) * bgColor.green + alpha * green), 0),
              maxValue
            );
            blue = Math.min(
              Math.max(Math.round((1 - alpha) * bgColor.blue + alpha * blue), 0),
              maxValue
            );
          }
        }
        return { red, green, blue, alpha };
      }
      __name10(getRGBA, "getRGBA");
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let rgba = getRGBA(data, inIndex);
          switch (options.colorType) {
            case constants.COLORTYPE_COLOR_ALPHA:
            case constants.COLORTYPE_COLOR:
              if (options.bitDepth === 8) {
                outData[outIndex] = rgba.red;
                outData[outIndex + 1] = rgba.green;
                outData[outIndex + 2] = rgba.blue;
                if (outHasAlpha) {
                  outData[outIndex + 3] = rgba.alpha;
                }
              } else {
                outData.writeUInt16BE(rgba.red, outIndex);
                outData.writeUInt16BE(rgba.green, outIndex + 2);
                outData.writeUInt16BE(rgba.blue, outIndex + 4);
                if (outHasAlpha) {
                  outData.writeUInt16BE(rgba.alpha, outIndex + 6);
                }
              }
              break;
            case constants.COLORTYPE_ALPHA:
            case constants.COLORTYPE_GRAYSCALE: {
              let grayscale = (rgba.red + rgba.green + rgba.blue) / 3;
              if (options.bitDepth === 8) {
                outData[outIndex] = grayscale;
                if (outHasAlpha) {
                  outData[outIndex + 1] = rgba.alpha;
                }
              } else {
                outData.writeUInt16BE(grayscale, outIndex);
                if (outHasAlpha) {
                  outData.writeUInt16BE(rgba.alpha, outIndex + 2);
                }
              }
              break;
            }
            default:
              throw new Error("unrecognised color Type " + options.colorType);
          }
          inIndex += inBpp;
          outIndex += outBpp;
        }
      }
      return outData;
    };
  }
});

// node_modules/pngjs/lib/filter-pack.js
var require_filter_pack = __commonJS({
  "node_modules/pngjs/lib/filter-pack.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var paethPredictor = require_paeth_predictor();
    function filterNone(pxData, pxPos, byteWidth, rawData, rawPos) {
      for (let x = 0; x < byteWidth; x++) {
        rawData[rawPos + x] = pxData[pxPos + x];
      }
    }
    __name10(filterNone, "filterNone");
    function filterSumNone(pxData, pxPos, byteWidth) {
      let sum = 0;
      let length = pxPos + byteWidth;
      for (let i = pxPos; i < length; i++) {
        sum += Math.abs(pxData[i]);
      }
      return sum;
    }
    __name10(filterSumNone, "filterSumNone");
    function filterSub(pxData, pxPos, byteWidth, rawData, rawPos, bpp) {
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let val = pxData[pxPos + x] - left;
        rawData[rawPos + x] = val;
      }
    }
    __name10(filterSub, "filterSub");
    function filterSumSub(pxData, pxPos, byteWidth, bpp) {
      let sum = 0;
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let val = pxData[pxPos + x] - left;
        sum += Math.abs(val);
      }
      return sum;
    }
    __name10(filterSumSub, "filterSumSub");
    function filterUp(pxData, pxPos, byteWidth, rawData, rawPos) {
      for (let x = 0; x < byteWidth; x++) {
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let val = pxData[pxPos + x] - up;
        rawData[rawPos + x] = val;
      }
    }
    __name10(filterUp, "filterUp");
    function filterSumUp(pxData, pxPos, byteWidth) {
      let sum = 0;
      let length = pxPos + byteWidth;
      for (let x = pxPos; x < length; x++) {
        let up = pxPos > 0 ? pxData[x - byteWidth] : 0;
        let val = pxData[x] - up;
        sum += Math.abs(val);
      }
      return sum;
    }
    __name10(filterSumUp, "filterSumUp");
    function filterAvg(pxData, pxPos, byteWidth, rawData, rawPos, bpp) {
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let val = pxData[pxPos + x] - (left + up >> 1);
        rawData[rawPos + x] = val;
      }
    }
    __name10(filterAvg, "filterAvg");
    function filterSumAvg(pxData, pxPos, byteWidth, bpp) {
      let sum = 0;
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let val = pxData[pxPos + x] - (left + up >> 1);
        sum += Math.abs(val);
      }
      return sum;
    }
    __name10(filterSumAvg, "filterSumAvg");
    function filterPaeth(pxData, pxPos, byteWidth, rawData, rawPos, bpp) {
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let upleft = pxPos > 0 && x >= bpp ? pxData[pxPos + x - (byteWidth + bpp)] : 0;
        let val = pxData[pxPos + x] - paethPredictor(left, up, upleft);
        rawData[rawPos + x] = val;
      }
    }
    __name10(filterPaeth, "filterPaeth");
    function filterSumPaeth(pxData, pxPos, byteWidth, bpp) {
      let sum = 0;
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let upleft = pxPos > 0 && x >= bpp ? pxData[pxPos + x - (byteWidth + bpp)] : 0;
        let val = pxData[pxPos + x] - paethPredictor(left, up, upleft);
        sum += Math.abs(val);
      }
      return sum;
    }
    __name10(filterSumPaeth, "filterSumPaeth");
    var filters = {
      0: filterNone,
      1: filterSub,
      2: filterUp,
      3: filterAvg,
      4: filterPaeth
    };
    var filterSums = {
      0: filterSumNone,
      1: filterSumSub,
      2: filterSumUp,
      3: filterSumAvg,
      4: filterSumPaeth
    };
    module.exports = function(pxData, width, height, options, bpp) {
      let filterTypes;
      if (!("filterType" in options) || options.filterType === -1) {
        filterTypes = [0, 1, 2, 3, 4];
      } else if (typeof options.filterType === "number") {
        filterTypes = [options.filterType];
      } else {
        throw new Error("unrecognised filter types");
      }
      if (options.bitDepth === 16) {
        bpp *= 2;
      }
      let byteWidth = width * bpp;
      let rawPos = 0;
      let pxPos = 0;
      let rawData = Buffer.alloc((byteWidth + 1) * height);
      let sel = filterTypes[0];
      for (let y = 0; y < height; y++) {
        if (filterTypes.length > 1) {
          let min = Infinity;
          for (let i = 0; i < filterTypes.length; i++) {
            let sum = filterSums[filterTypes[i]](pxData, pxPos, byteWidth, bpp);
            if (sum < min) {
              sel = filterTypes[i];
              min = sum;
            }
          }
        }
        rawData[rawPos] = sel;
        rawPos++;
        filters[sel](pxData, pxPos, byteWidth, rawData, rawPos, bpp);
        rawPos += byteWidth;
        pxPos += byteWidth;
      }
      return rawData;
    };
  }
});

// node_modules/pngjs/lib/packer.js
var require_packer = __commonJS({
  "node_modules/pngjs/lib/packer.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var CrcStream = require_crc();
    var bitPacker = require_bitpacker();
    var filter = require_filter_pack();
    var zlib = __require("zlib");
    var Packer = module.exports = function(options) {
      this._options = options;
      options.deflateChunkSize = options.deflateChunkSize || 32 * 1024;
      options.deflateLevel = options.deflateLevel != null ? options.deflateLevel : 9;
      options.deflateStrategy = options.deflateStrategy != null ? options.deflateStrategy : 3;
      options.inputHasAlpha = options.inputHasAlpha != null ? options.inputHasAlpha : true;
      options.deflateFactory = options.deflateFactory || zlib.createDeflate;
      options.bitDepth = options.bitDepth || 8;
      options.colorType = typeof options.colorType === "number" ? options.colorType : constants.COLORTYPE_COLOR_ALPHA;
      options.inputColorType = typeof options.inputColorType === "number" ? options.inputColorType : constants.COLORTYPE_COLOR_ALPHA;
      if ([
        constants.COLORTYPE_GRAYSCALE,
        constants.COLORTYPE_COLOR,
        constants.COLORTYPE_COLOR_ALPHA,
        constants.COLORTYPE_ALPHA
      ].indexOf(options.colorType) === -1) {
        throw new Error(
          "option color type:" + options.colorType + " is not supported at present"
        );
      }
      if ([
        constants.COLORTYPE_GRAYSCALE,
        constants.COLORTYPE_COLOR,
        constants.COLORTYPE_COLOR_ALPHA,
        constants.COLORTYPE_ALPHA
      ].indexOf(options.inputColorType) === -1) {
        throw new Error(
          "option input color type:" + options.inputColorType + " is not supported at present"
        );
      }
      if (options.bitDepth !== 8 && options.bitDepth !== 16) {
        throw new Error(
          "option bit depth:" + options.bitDepth + " is not supported at present"
        );
      }
    };
    Packer.prototype.getDeflateOptions = function() {
      return {
        chunkSize: this._options.deflateChunkSize,
        level: this._options.deflateLevel,
        strategy: this._options.deflateStrategy
      };
    };
    Packer.prototype.createDeflate = function() {
      return this._options.deflateFactory(this.getDeflateOptions());
    };
    Packer.prototype.filterData = function(data, width, height) {
      let packedData = bitPacker(data, width, height, this._options);
      let bpp = constants.COLORTYPE_TO_BPP_MAP[this._options.colorType];
      let filteredData = filter(packedData, width, height, this._options, bpp);
      return filteredData;
    };
    Packer.prototype._packChunk = function(type, data) {
      let len = data ? data.length : 0;
      let buf = Buffer.alloc(len + 12);
      buf.writeUInt32BE(len, 0);
      buf.writeUInt32BE(type, 4);
      if (data) {
        data.copy(buf, 8);
      }
      buf.writeInt32BE(
        CrcStream.crc32(buf.slice(4, buf.length - 4)),
        buf.length - 4
      );
      return buf;
    };
    Packer.prototype.packGAMA = function(gamma) {
      let buf = Buffer.alloc(4);
      buf.writeUInt32BE(Math.floor(gamma * constants.GAMMA_DIVISION), 0);
      return this._packChunk(constants.TYPE_gAMA, buf);
    };
    Packer.prototype.packIHDR = function(width, height) {
      let buf = Buffer.alloc(13);
      buf.writeUInt32BE(width, 0);
      buf.writeUInt32BE(height, 4);
      buf[8] = this._options.bitDepth;
      buf[9] = this._options.colorType;
      buf[10] = 0;
      buf[11] = 0;
      buf[12] = 0;
      return this._packChunk(constants.TYPE_IHDR, buf);
    };
    Packer.prototype.packIDAT = function(data) {
      return this._packChunk(constants.TYPE_IDAT, data);
    };
    Packer.prototype.packIEND = function() {
      return this._packChunk(constants.TYPE_IEND, null);
    };
  }
});

// node_modules/pngjs/lib/packer-async.js
var require_packer_async = __commonJS({
  "node_modules/pngjs/lib/packer-async.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var Stream = __require("stream");
    var constants = require_constants();
    var Packer = require_packer();
    var PackerAsync = module.exports = function(opt) {
      Stream.call(this);
      let options = opt || {};
      this._packer = new Packer(options);
      this._deflate = this._packer.createDeflate();
      this.readable = true;
    };
    util.inherits(PackerAsync, Stream);
    PackerAsync.prototype.pack = function(data, width, height, gamma) {
      this.emit("data", Buffer.from(constants.PNG_SIGNATURE));
      this.emit("data", this._packer.packIHDR(width, height));
      if (gamma) {
        this.emit("data", this._packer.packGAMA(gamma));
      }
      let filteredData = this._packer.filterData(data, width, height);
      this._deflate.on("error", this.emit.bind(this, "error"));
      this._deflate.on(
        "data",
        function(compressedData) {
          this.emit("data", this._packer.packIDAT(compressedData));
        }.bind(this)
      );
      this._deflate.on(
        "end",
        function() {
          this.emit("data", this._packer.packIEND());
          this.emit("end");
        }.bind(this)
      );
      this._deflate.end(filteredData);
    };
  }
});

// node_modules/pngjs/lib/sync-inflate.js
var require_sync_inflate = __commonJS({
  "node_modules/pngjs/lib/sync-inflate.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var assert = __require("assert").ok;
    var zlib = __require("zlib");
    var util = __require("util");
    var kMaxLength = __require("buffer").kMaxLength;
    function Inflate(opts) {
      if (!(this instanceof Inflate)) {
        return new Inflate(opts);
      }
      if (opts && opts.chunkSize < zlib.Z_MIN_CHUNK) {
        opts.chunkSize = zlib.Z_MIN_CHUNK;
      }
      zlib.Inflate.call(this, opts);
      this._offset = this._offset === void 0 ? this._outOffset : this._offset;
      this._buffer = this._buffer || this._outBuffer;
      if (opts && opts.maxLength != null) {
        this._maxLength = opts.maxLength;
      }
    }
    __name10(Inflate, "Inflate");
    function createInflate(opts) {
      return new Inflate(opts);
    }
    __name10(createInflate, "createInflate");
    function _close(engine, callback) {
      if (callback) {
        process.nextTick(callback);
      }
      if (!engine._handle) {
        return;
      }
      engine._handle.close();
      engine._handle = null;
    }
    __name10(_close, "_close");
    Inflate.prototype._processChunk = function(chunk, flushFlag, asyncCb) {
      if (typeof asyncCb === "function") {
        return zlib.Inflate._processChunk.call(this, chunk, flushFlag, asyncCb);
      }
      let self = this;
      let availInBefore = chunk && chunk.length;
      let availOutBefore = this._chunkSize - this._offset;
      let leftToInflate = this._maxLength;
      let inOff = 0;
      let buffers = [];
      let nread = 0;
      let error;
      this.on("error", function(err) {
        error = err;
      });
      function handleChunk(availInAfter, availOutAfter) {
        if (self._hadError) {
          return;
        }
        let have = availOutBefore - availOutAfter;
        assert(have >= 0, "have should not go down");
        if (have > 0) {
          let out = self._buffer.slice(self._offset, self._offset + have);
          self._offset += have;
          if (out.length > leftToInflate) {
            out = out.slice(0, leftToInflate);
          }
          buffers.push(out);
          nread += out.length;
          leftToInflate -= out.length;
          if (leftToInflate === 0) {
            return false;
          }
        }
        if (availOutAfter === 0 || self._offset >= self._chunkSize) {
          availOutBefore = self._chunkSize;
          self._offset = 0;
          self._buffer = Buffer.allocUnsafe(self._chunkSize);
        }
        if (availOutAfter === 0) {
          inOff += availInBefore - availInAfter;
          availInBefore = availInAfter;
          return true;
        }
        return false;
      }
      __name10(handleChunk, "handleChunk");
      assert(this._handle, "zlib binding closed");
      let res;
      do {
        res = this._handle.writeSync(
          flushFlag,
          chunk,
          // in
          inOff,
          // in_off
          availInBefore,
          // in_len
          this._buffer,
          // out
          this._offset,
          //out_off
          availOutBefore
        );
        res = res || this._writeState;
      } while (!this._hadError && handleChunk(res[0], res[1]));
      if (this._hadError) {
        throw error;
      }
      if (nread >= kMaxLength) {
        _close(this);
        throw new RangeError(
          "Cannot create final Buffer. It would be larger than 0x" + kMaxLength.toString(16) + " bytes"
        );
      }
      let buf = Buffer.concat(buffers, nread);
      _close(this);
      return buf;
    };
    util.inherits(Inflate, zlib.Inflate);
    function zlibBufferSync(engine, buffer) {
      if (typeof buffer === "string") {
        buffer = Buffer.from(buffer);
      }
      if (!(buffer instanceof Buffer)) {
        throw new TypeError("Not a string or buffer");
      }
      let flushFlag = engine._finishFlushFlag;
      if (flushFlag == null) {
        flushFlag = zlib.Z_FINISH;
      }
      return engine._processChunk(buffer, flushFlag);
    }
    __name10(zlibBufferSync, "zlibBufferSync");
    function inflateSync(buffer, opts) {
      return zlibBufferSync(new Inflate(opts), buffer);
    }
    __name10(inflateSync, "inflateSync");
    module.exports = exports = inflateSync;
    exports.Inflate = Inflate;
    exports.createInflate = createInflate;
    exports.inflateSync = inflateSync;
  }
});

// node_modules/pngjs/lib/sync-reader.js
var require_sync_reader = __commonJS({
  "node_modules/pngjs/lib/sync-reader.js"(exports, module) {
    "use strict";
    var SyncReader = module.exports = function(buffer) {
      this._buffer = buffer;
      this._reads = [];
    };
    SyncReader.prototype.read = function(length, callback) {
      this._reads.push({
        length: Math.abs(length),
        // if length < 0 then at most this length
        allowLess: length < 0,
        func: callback
      });
    };
    SyncReader.prototype.process = function() {
      while (this._reads.length > 0 && this._buffer.length) {
        let read = this._reads[0];
        if (this._buffer.length && (this._buffer.length >= read.length || read.allowLess)) {
          this._reads.shift();
          let buf = this._buffer;
          this._buffer = buf.slice(read.length);
          read.func.call(this, buf.slice(0, read.length));
        } else {
          break;
        }
      }
      if (this._reads.length > 0) {
        throw new Error("There are some read requests waitng on finished stream");
      }
      if (this._buffer.length > 0) {
        throw new Error("unrecognised content at end of stream");
      }
    };
  }
});

// node_modules/pngjs/lib/filter-parse-sync.js
var require_filter_parse_sync = __commonJS({
  "node_modules/pngjs/lib/filter-parse-sync.js"(exports) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var SyncReader = require_sync_reader();
    var Filter = require_filter_parse();
    exports.process = function(inBuffer, bitmapInfo) {
      let outBuffers = [];
      let reader = new SyncReader(inBuffer);
      let filter = new Filter(bitmapInfo, {
        read: reader.read.bind(reader),
        write: __name10(function(bufferPart) {
          outBuffers.push(bufferPart);
        }, "write"),
        complete: __name10(function() {
        }, "complete")
      });
      filter.start();
      reader.process();
      return Buffer.concat(outBuffers);
    };
  }
});

// node_modules/pngjs/lib/parser-sync.js
var require_parser_sync = __commonJS({
  "node_modules/pngjs/lib/parser-sync.js"(exports, module) {
    "use strict";
    var __defProp10 = Object.defineProperty;
    var __name10 = (target, value) => __defProp10(target, "name", { value, configurable: true });
    var hasSyncZlib = true;
    var zlib = __require("zlib");
    var inflateSync = require_sync_inflate();
    if (!zlib.deflateSync) {
      hasSyncZlib = false;
    }
    var SyncReader = require_sync_reader();
    var FilterSync = require_filter_parse_sync();
    var Parser = require_parser();
    var bitmapper = require_bitmapper();
    var formatNormaliser = require_format_normaliser();
    module.exports = function(buffer, options) {
      if (!hasSyncZlib) {
        throw new Error(
          "To use the sync capability of this library in old node versions, please pin pngjs to v2.3.0"
        );
      }
      let err;
      function handleError(_err_) {
        err = _err_;
      }
      __name10(handleError, "handleError");
      let metaData;
      function handleMetaData(_metaData_) {
        metaData = _metaData_;
      }
      __name10(handleMetaData, "handleMetaData");
      function handleTransColor(transColor) {
        metaData.transColor = transColor;
      }
      __name10(handleTransColor, "handleTransColor");
      function handlePalette(palette) {
        metaData.palette = palette;
      }
      __name10(handlePalette, "handlePalette");
      function handleSimpleTransparency() {
        metaData.alpha = true;
      }
      __name10(handleSimpleTransparency, "handleSimpleTransparency");
      let gamma;
      function handleGamma(_gamma_) {
        gamma = _gamma_;
      }
      __name10(handleGamma, "handleGamma");
      let inflateDataList = [];
      function handleInflateData(inflatedData2) {
        inflateDataList.push(inflatedData2);
      }
      __name10(handleInflateData, "handleInflateData");
      let reader = new SyncReader(buffer);
      let parser = new Parser(options, {
        read: reader.read.bind(reader),
        error: handleError,
        metadata: handleMetaData,
        gamma: handleGamma,
        palette: handlePalette,
        transColor: handleTransColor,
        inflateData: handleInflateData,
        simpleTransparency: handleSimpleTransparency
      });
      parser.start();
      reader.process();
      if (err) {
        throw err;
      }
      let inflateData = Buffer.concat(inflateDataList);
      inflateDataList.length = 0;
      let inflatedData;
      if (metaData.interlace) {
        inflatedData = zlib.inflateSync(inflateData);
      } else {
        let rowSize = (metaData.width * metaData.bpp * metaData.depth + 7 >> 3) + 1;
        let imageSize = rowSize * metaData.height;
        inflatedData = inflateSync(inflateData, {
          chunkSize: imageSize,
          maxLength: imageSize
        });
      }
      inflateData = null;
      if (!inflatedData || !inflatedData.length) {
        throw new Error("bad png - invalid inflate data response");
      }
      let unfilteredData = FilterSync.process(inflatedData, metaData);
      inflateData = null;
      let bitmapData = bitmapper.dataToBitMap(unfilteredData, metaData);
      unfilteredData = null;
      let normalisedBitmapData = formatNormaliser(
        bitmapData,
        metaData,
        options.skipRescale
      );
      metaData.data = normalisedBitmapData;
      metaData.gamma = gamma || 0;
      return metaData;
    };
  }
});

// node_modules/pngjs/lib/packer-sync.js
var require_packer_sync = __commonJS({
  "node_modules/pngjs/lib/packer-sync.js"(exports, module) {
    "use strict";
    var hasSyncZlib = true;
    var zlib = __require("zlib");
    if (!zlib.deflateSync) {
      hasSyncZlib = false;
    }
    var constants = require_constants();
    var Packer = require_packer();
    module.exports = function(metaData, opt) {
      if (!hasSyncZlib) {
        throw new Error(
          "To use the sync capability of this library in old node versions, please pin pngjs to v2.3.0"
        );
      }
      let options = opt || {};
      let packer = new Packer(options);
      let chunks = [];
      chunks.push(Buffer.from(constants.PNG_SIGNATURE));
      chunks.push(packer.packIHDR(metaData.width, metaData.height));
      if (metaData.gamma) {
        chunks.push(packer.packGAMA(metaData.gamma));
      }
      let filteredData = packer.filterData(
        metaData.data,
        metaData.width,
        metaData.height
      );
      let compressedData = zlib.deflateSync(
        filteredData,
        packer.getDeflateOptions()
      );
      filteredData = null;
      if (!compressedData || !compressedData.length) {
        throw new Error("bad png - invalid compressed data response");
      }
      chunks.push(packer.packIDAT(compressedData));
      chunks.push(packer.packIEND());
      return Buffer.concat(chunks);
    };
  }
});

// node_modules/pngjs/lib/png-sync.js
var require_png_sync = __commonJS({
  "node_modules/pngjs/lib/png-sync.js"(exports) {
    "use strict";
    var parse2 = require_parser_sync();
    var pack = require_packer_sync();
    exports.read = function(buffer, options) {
      return parse2(buffer, options || {});
    };
    exports.write = function(png, options) {
      return pack(png, options);
    };
  }
});

// node_modules/pngjs/lib/png.js
var require_png = __commonJS({
  "node_modules/pngjs/lib/png.js"(exports) {
    "use strict";
    var util = __require("util");
    var Stream = __require("stream");
    var Parser = require_parser_async();
    var Packer = require_packer_async();
    var PNGSync = require_png_sync();
    var PNG2 = exports.PNG = function(options) {
      Stream.call(this);
      options = options || {};
      this.width = options.width | 0;
      this.height = options.height | 0;
      this.data = this.width > 0 && this.height > 0 ? Buffer.alloc(4 * this.width * this.height) : null;
      if (options.fill && this.data) {
        this.data.fill(0);
      }
      this.gamma = 0;
      this.readable = this.writable = true;
      this._parser = new Parser(options);
      this._parser.on("error", this.emit.bind(this, "error"));
      this._parser.on("close", this._handleClose.bind(this));
      this._parser.on("metadata", this._metadata.bind(this));
      this._parser.on("gamma", this._gamma.bind(this));
      this._parser.on(
        "parsed",
        function(data) {
          this.data = data;
          this.emit("parsed", data);
        }.bind(this)
      );
      this._packer = new Packer(options);
      this._packer.on("data", this.emit.bind(this, "data"));
      this._packer.on("end", this.emit.bind(this, "end"));
      this._parser.on("close", this._handleClose.bind(this));
      this._packer.on("error", this.emit.bind(this, "error"));
    };
    util.inherits(PNG2, Stream);
    PNG2.sync = PNGSync;
    PNG2.prototype.pack = function() {
      if (!this.data || !this.data.length) {
        this.emit("error", "No data provided");
        return this;
      }
      process.nextTick(
        function() {
          this._packer.pack(this.data, this.width, this.height, this.gamma);
        }.bind(this)
      );
      return this;
    };
    PNG2.prototype.parse = function(data, callback) {
      if (callback) {
        let onParsed, onError;
        onParsed = function(parsedData) {
          this.removeListener("error", onError);
          this.data = parsedData;
          callback(null, this);
        }.bind(this);
        onError = function(err) {
          this.removeListener("parsed", onParsed);
          callback(err, null);
        }.bind(this);
        this.once("parsed", onParsed);
        this.once("error", onError);
      }
      this.end(data);
      return this;
    };
    PNG2.prototype.write = function(data) {
      this._parser.write(data);
      return true;
    };
    PNG2.prototype.end = function(data) {
      this._parser.end(data);
    };
    PNG2.prototype._metadata = function(metadata) {
      this.width = metadata.width;
      this.height = metadata.height;
      this.emit("metadata", metadata);
    };
    PNG2.prototype._gamma = function(gamma) {
      this.gamma = gamma;
    };
    PNG2.prototype._handleClose = function() {
      if (!this._parser.writable && !this._packer.readable) {
        this.emit("close");
      }
    };
    PNG2.bitblt = function(src, dst, srcX, srcY, width, height, deltaX, deltaY) {
      srcX |= 0;
      srcY |= 0;
      width |= 0;
      height |= 0;
      deltaX |= 0;
      deltaY |= 0;
      if (srcX > src.width || srcY > src.height || srcX + width > src.width || srcY + height > src.height) {
        throw new Error("bitblt reading outside image");
      }
      if (deltaX > dst.width || deltaY > dst.height || deltaX + width > dst.width || deltaY + height > dst.height) {
        throw new Error("bitblt writing outside image");
      }
      for (let y = 0; y < height; y++) {
        src.data.copy(
          dst.data,
          (deltaY + y) * dst.width + deltaX << 2,
          (srcY + y) * src.width + srcX << 2,
          (srcY + y) * src.width + srcX + width << 2
        );
      }
    };
    PNG2.prototype.bitblt = function(dst, srcX, srcY, width, height, deltaX, deltaY) {
      PNG2.bitblt(this, dst, srcX, srcY, width, height, deltaX, deltaY);
      return this;
    };
    PNG2.adjustGamma = function(src) {
      if (src.gamma) {
        for (let y = 0; y < src.height; y++) {
          for (let x = 0; x < src.width; x++) {
            let idx = src.width * y + x << 2;
            for (let i = 0; i < 3; i++) {
              let sample = src.data[idx + i] / 255;
              sample = Math.pow(sample, 1 / 2.2 / src.gamma);
              src.data[idx + i] = Math.round(sample * 255);
            }
          }
        }
        src.gamma = 0;
      }
    };
    PNG2.prototype.adjustGamma = function() {
      PNG2.adjustGamma(this);
    };
  }
});

// src/trainer/tabular/tabular-objective.ts
import { readFileSync } from "node:fs";
import { readFile as readFile2, stat } from "node:fs/promises";

// src/trainer/data/short-sha256.ts
import { createHash } from "node:crypto";
var K = Int32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var H0 = Int32Array.from([1779033703, 3144134277, 1013904242, 2773480762, 1359893119, 2600822924, 528734635, 1541459225]);
var W = new Int32Array(64);
var rotr = (x, n) => x >>> n | x << 32 - n;
function sha256Words(prefix2, text, out) {
  const length = prefix2.length + text.length;
  if (length <= 55 && prefixBlock(prefix2)) {
    W.set(PREFIX);
    let plain = true;
    for (let i = 0, j = prefix2.length; i < text.length; i++, j++) {
      const code = text.charCodeAt(i);
      plain &&= code <= 127;
      W[j >> 2] |= code << 24 - 8 * (j & 3);
    }
    if (plain) {
      W[length >> 2] |= 128 << 24 - 8 * (length & 3);
      W[15] = length * 8;
      compress(out);
      return;
    }
  }
  const digest = createHash("sha256").update(prefix2).update(text).digest();
  out[0] = digest.readUInt32BE(0);
  out[1] = digest.readUInt32BE(4);
}
function prefixBlock(prefix2) {
  if (prefix2 === lastPrefix) return lastFits;
  lastPrefix = prefix2;
  lastFits = prefix2.length <= 55 && ascii(prefix2);
  PREFIX.fill(0);
  if (lastFits) for (let i = 0; i < prefix2.length; i++) PREFIX[i >> 2] |= prefix2.charCodeAt(i) << 24 - 8 * (i & 3);
  return lastFits;
}
var PREFIX = new Int32Array(16);
var lastPrefix = "";
var lastFits = true;
function ascii(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
function compress(out) {
  for (let t = 16; t < 64; t++) {
    const a2 = W[t - 15];
    const b2 = W[t - 2];
    const s0 = rotr(a2, 7) ^ rotr(a2, 18) ^ a2 >>> 3;
    const s1 = rotr(b2, 17) ^ rotr(b2, 19) ^ b2 >>> 10;
    W[t] = W[t - 16] + s0 + W[t - 7] + s1 | 0;
  }
  let a = H0[0];
  let b = H0[1];
  let c = H0[2];
  let d = H0[3];
  let e = H0[4];
  let f = H0[5];
  let g = H0[6];
  let h = H0[7];
  for (let t = 0; t < 64; t++) {
    const t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (e & f ^ ~e & g) + K[t] + W[t] | 0;
    const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + (a & b ^ a & c ^ b & c) | 0;
    h = g;
    g = f;
    f = e;
    e = d + t1 | 0;
    d = c;
    c = b;
    b = a;
    a = t1 + t2 | 0;
  }
  out[0] = H0[0] + a >>> 0;
  out[1] = H0[1] + b >>> 0;
}

// node_modules/csv-parse/lib/api/CsvError.js
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var CsvError = class _CsvError extends Error {
  static {
    __name(this, "CsvError");
  }
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
var __defProp2 = Object.defineProperty;
var __name2 = (target, value) => __defProp2(target, "name", { value, configurable: true });
var is_object = __name2(function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
}, "is_object");

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var __defProp3 = Object.defineProperty;
var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
var normalize_columns_array = __name3(function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
}, "normalize_columns_array");

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var __defProp4 = Object.defineProperty;
var __name4 = (target, value) => __defProp4(target, "name", { value, configurable: true });
var ResizeableBuffer = class {
  static {
    __name4(this, "ResizeableBuffer");
  }
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.slice(0, this.length).toString(encoding);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var __defProp5 = Object.defineProperty;
var __name5 = (target, value) => __defProp5(target, "name", { value, configurable: true });
var np = 12;
var cr = 13;
var nl = 10;
var space = 32;
var tab = 9;
var init_state = __name5(function(options) {
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter.map((delimiter) => delimiter.length),
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: [
      Buffer.from(Buffer.from([cr], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([nl], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([np], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([space], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([tab], "utf8").toString(), options.encoding)
    ]
  };
}, "init_state");

// node_modules/csv-parse/lib/utils/underscore.js
var __defProp6 = Object.defineProperty;
var __name6 = (target, value) => __defProp6(target, "name", { value, configurable: true });
var underscore = __name6(function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
}, "underscore");

// node_modules/csv-parse/lib/api/normalize_options.js
var __defProp7 = Object.defineProperty;
var __name7 = (target, value) => __defProp7(target, "name", { value, configurable: true });
var normalize_options = __name7(function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (!Array.isArray(options.delimiter))
    options.delimiter = [options.delimiter];
  if (options.delimiter.length === 0) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER",
      [
        "Invalid option delimiter:",
        "delimiter must be a non empty string or buffer or array of string|buffer,",
        `got ${delimiter_json}`
      ],
      options
    );
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (delimiter === void 0 || delimiter === null || delimiter === false) {
      return Buffer.from(",", options.encoding);
    }
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
}, "normalize_options");

// node_modules/csv-parse/lib/api/index.js
var __defProp8 = Object.defineProperty;
var __name8 = (target, value) => __defProp8(target, "name", { value, configurable: true });
var isRecordEmpty = __name8(function(record) {
  return record.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
}, "isRecordEmpty");
var cr2 = 13;
var nl2 = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = __name8(function(original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: __name8(function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    }, "__needMoreData"),
    // Central parser implementation
    parse: __name8(function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const { bomSkipped, previousBuf, rawBuffer, escapeIsQuote } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr2 || chr === nl2) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    }, "parse"),
    __onRecord: __name8(function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && obj[columns[i].name] !== void 0) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              obj[columns[i].name] = record[i];
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    }, "__onRecord"),
    __firstLineToColumns: __name8(function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    }, "__firstLineToColumns"),
    __resetRecord: __name8(function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    }, "__resetRecord"),
    __onField: __name8(function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== void 0) return err;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    }, "__onField"),
    __resetField: __name8(function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    }, "__resetField"),
    __push: __name8(function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info2);
        } catch (err) {
          return err;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    }, "__push"),
    // Return a tuple with the error and the casted value
    __cast: __name8(function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info2)];
      }
      return [void 0, field];
    }, "__cast"),
    // Helper to test if a character is a space or a line delimiter
    __isCharTrimable: __name8(function(buf, pos) {
      const isTrim = __name8((buf2, pos2) => {
        const { timchars } = this.state;
        loop1: for (let i = 0; i < timchars.length; i++) {
          const timchar = timchars[i];
          for (let j = 0; j < timchar.length; j++) {
            if (timchar[j] !== buf2[pos2 + j]) continue loop1;
          }
          return timchar.length;
        }
        return 0;
      }, "isTrim");
      return isTrim(buf, pos);
    }, "__isCharTrimable"),
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isFloat: __name8(function(value) {
      return value - parseFloat(value) + 1 >= 0;
    }, "__isFloat"),
    __compareBytes: __name8(function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    }, "__compareBytes"),
    __isDelimiter: __name8(function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    }, "__isDelimiter"),
    __isRecordDelimiter: __name8(function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    }, "__isRecordDelimiter"),
    __isEscape: __name8(function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    }, "__isEscape"),
    __isQuote: __name8(function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    }, "__isQuote"),
    __autoDiscoverRecordDelimiter: __name8(function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    }, "__autoDiscoverRecordDelimiter"),
    __error: __name8(function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err2) {
            return err2;
          }
        }
        return void 0;
      } else {
        return err;
      }
    }, "__error"),
    __infoDataSet: __name8(function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    }, "__infoDataSet"),
    __infoRecord: __name8(function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    }, "__infoRecord"),
    __infoField: __name8(function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }, "__infoField")
  };
}, "transform");

// node_modules/csv-parse/lib/sync.js
var __defProp9 = Object.defineProperty;
var __name9 = (target, value) => __defProp9(target, "name", { value, configurable: true });
var parse = __name9(function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? {} : [];
  const parser = transform(opts);
  const push = __name9((record) => {
    if (parser.options.objname === void 0) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  }, "push");
  const close = __name9(() => {
  }, "close");
  const error = parser.parse(data, true, push, close);
  if (error !== void 0) throw error;
  return records;
}, "parse");

// src/trainer/data/csv.ts
var MISSING = /* @__PURE__ */ new Set(["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"]);
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
var isNumber = (cell2) => NUMBER.test(cell2);
function isParsedRecords(value) {
  return Array.isArray(value) && value.every((r) => typeof r === "object" && r !== null && "record" in r && "info" in r);
}
var INFINITY = /^[+-]?(?:inf|infinity)$/i;
function parseCsv(file, bytes) {
  let parsed;
  try {
    parsed = parse(bytes, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count_less: true
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = err.lines;
      const at2 = typeof line === "number" ? line : void 0;
      const why = err.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" ? `a row has more cells than the header (${err.message})` : err.message;
      throw new DatasetError({ file, line: at2 }, `not a valid CSV file: ${why}`);
    }
    throw err;
  }
  if (!isParsedRecords(parsed)) throw new DatasetError({ file }, "CSV parser returned an unexpected shape");
  const [head, ...body] = parsed;
  if (!head) throw new EmptyDataError({ file }, "the file is empty (a header row and at least one data row are needed)");
  if (body.length === 0) throw new EmptyDataError({ file }, "the file has a header but no data rows");
  const header = head.record;
  const seen = /* @__PURE__ */ new Set();
  for (const name of header) {
    if (name !== "" && seen.has(name))
      throw new DatasetError({ file, line: head.info.lines, column: name }, `column ${show(name)} appears twice in the header`);
    seen.add(name);
  }
  const rows = body.map(
    (r) => r.record.length < header.length ? [...r.record, ...Array(header.length - r.record.length).fill("")] : r.record
  );
  const table = { file, header, rows, lines: body.map((r) => r.info.lines) };
  checkInfinities(table);
  return table;
}
function checkInfinities(table) {
  table.header.forEach((column, c) => {
    let infinite = -1;
    for (let r = 0; r < table.rows.length; r++) {
      const cellText = table.rows[r][c];
      if (INFINITY.test(cellText)) infinite = infinite < 0 ? r : infinite;
      else if (!MISSING.has(cellText) && !isNumber(cellText)) return;
    }
    if (infinite >= 0) {
      const value = table.rows[infinite][c];
      throw new DatasetError(
        { file: table.file, line: table.lines[infinite], column, value },
        `column ${show(column)} holds ${show(value)}, an infinite number, which cannot be trained on (an empty cell or NA is a missing value)`
      );
    }
  });
}

// src/trainer/data/csv-grid.ts
import { isAscii } from "node:buffer";

// src/trainer/data/byte-numbers.ts
function parseColumn(buf, starts, ends, rowCount) {
  const values = new Float64Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const s = starts[r];
    const e = ends[r];
    const v = parseNumber(buf, s, e);
    if (lastParse.ok) values[r] = v;
    else if (isMissing(buf, s, e)) values[r] = NaN;
    else return void 0;
  }
  return values;
}
var isMissing = (buf, s, e) => e - s <= 4 && MISSING.has(buf.toString("latin1", s, e));
var lastParse = { ok: false };
var POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
var isDigit = (b) => b !== void 0 && b >= 48 && b <= 57;
function parseNumber(buf, s, e) {
  lastParse.ok = false;
  let i = s;
  const negative = i < e && buf[i] === 45;
  if (i < e && (negative || buf[i] === 43)) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  const intStart = i;
  for (; i < e && isDigit(buf[i]); i++) {
    if (mantissa !== 0 || buf[i] !== 48) digits++;
    mantissa = mantissa * 10 + buf[i] - 48;
  }
  let any = i > intStart;
  if (i < e && buf[i] === 46) {
    const fracStart = ++i;
    for (; i < e && isDigit(buf[i]); i++) {
      if (mantissa !== 0 || buf[i] !== 48) digits++;
      mantissa = mantissa * 10 + buf[i] - 48;
      scale--;
    }
    any ||= i > fracStart;
  }
  if (!any) return NaN;
  if (i < e && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    const expNegative = i < e && buf[i] === 45;
    if (i < e && (expNegative || buf[i] === 43)) i++;
    let exp = 0;
    const expStart = i;
    for (; i < e && isDigit(buf[i]); i++) exp = Math.min(exp * 10 + buf[i] - 48, 1e5);
    if (i === expStart) return NaN;
    scale += expNegative ? -exp : exp;
  }
  if (i !== e) return NaN;
  lastParse.ok = true;
  if (digits > 15 || scale > 22 || scale < -22) return Number(buf.toString("latin1", s, e));
  const v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  return negative ? -v : v;
}

// src/trainer/data/csv-grid.ts
function scanCsv(file, bytes, options = {}) {
  const buf = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const plain = buf.indexOf(QUOTE) < 0 && isAscii(buf);
  const grid = plain ? scanPlain(file, buf, options) : void 0;
  return grid ?? tableGrid(parseCsv(file, buf));
}
function csvOutline(bytes) {
  const buf = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const record = new Record();
  let pos = buf[0] === 239 && buf[1] === 187 && buf[2] === 191 ? 3 : 0;
  while (pos < buf.length) {
    const end = record.read(buf, pos);
    pos = buf[end] === CR && buf[end + 1] === LF ? end + 2 : end + 1;
    if (record.cells > 0) break;
  }
  const header = Array.from({ length: record.cells }, (_, c) => buf.toString("latin1", record.starts[c], record.ends[c]));
  const rest = buf.subarray(Math.min(pos, buf.length));
  const ends = rest.indexOf(LF) >= 0 ? LF : CR;
  let rows = rest.length > 0 && rest[rest.length - 1] !== ends ? 1 : 0;
  for (let i = rest.indexOf(ends); i >= 0; i = rest.indexOf(ends, i + 1)) rows++;
  return { header, rows };
}
var QUOTE = 34;
var COMMA = 44;
var LF = 10;
var CR = 13;
var PLAIN = 0;
var COMMA_KIND = 1;
var LINE_END = 2;
var BLANK = 3;
var VTAB = 4;
var KIND = new Uint8Array(256);
KIND[COMMA] = COMMA_KIND;
KIND[LF] = LINE_END;
KIND[CR] = LINE_END;
for (const b of [32, 9, 12]) KIND[b] = BLANK;
KIND[11] = VTAB;
function scanPlain(file, buf, options) {
  const keep = options.only && new Set(options.only);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  const texts = new Set(options.texts ?? []);
  const capacity = countLineEnds(buf) + 1;
  const lines = new Int32Array(capacity);
  let header;
  let at2;
  let parsed;
  let rows = 0;
  let line = 1;
  const record = new Record();
  for (let pos = buf[0] === 239 && buf[1] === 187 && buf[2] === 191 ? 3 : 0; pos < buf.length; line++) {
    if (header !== void 0 && keep !== void 0) {
      const end2 = readKept(bytes, pos, header.length, at2, rows);
      pos = buf[end2] === CR && buf[end2 + 1] === LF ? end2 + 2 : end2 + 1;
      if (kept.cells === 0) continue;
      if (kept.cells > header.length) return void 0;
      lines[rows++] = line;
      continue;
    }
    const start = pos;
    const end = record.read(bytes, pos);
    pos = buf[end] === CR && buf[end + 1] === LF ? end + 2 : end + 1;
    if (record.cells === 0) continue;
    if (header === void 0) {
      header = Array.from({ length: record.cells }, (_, c) => buf.toString("latin1", record.starts[c], record.ends[c]));
      if (new Set(header.filter((h) => h !== "")).size !== header.filter((h) => h !== "").length) return void 0;
      const wanted = (name) => (keep ?? texts).has(name) ? new Int32Array(capacity) : void 0;
      at2 = { starts: header.map(wanted), ends: header.map(wanted) };
      if (keep === void 0) parsed = { numbers: header.map(() => new Float64Array(capacity)), rowStarts: new Int32Array(capacity) };
      continue;
    }
    if (record.cells > header.length) return void 0;
    parsed.rowStarts[rows] = start;
    for (let c = 0; c < record.cells; c++) {
      const starts = at2.starts[c];
      if (starts === void 0) continue;
      starts[rows] = record.starts[c];
      at2.ends[c][rows] = record.ends[c];
    }
    for (let c = 0; c < header.length; c++) {
      const values = parsed.numbers[c];
      if (values === void 0) continue;
      const v = c < record.cells ? parseNumber(buf, record.starts[c], record.ends[c]) : NaN;
      if (lastParse.ok) values[rows] = v;
      else if (c >= record.cells || isMissing(buf, record.starts[c], record.ends[c])) values[rows] = NaN;
      else parsed.numbers[c] = void 0;
    }
    lines[rows++] = line;
  }
  if (header === void 0 || at2 === void 0 || rows === 0) return void 0;
  return offsetGrid(file, buf, header, rows, lines.subarray(0, rows), at2, parsed);
}
var kept = { cells: 0 };
function readKept(buf, pos, width, at2, row) {
  const n = buf.length;
  let cells = 0;
  let start = pos;
  let content = false;
  let i = pos;
  for (; ; ) {
    while (i < n && buf[i] > COMMA) i++;
    const b = i < n ? buf[i] : LF;
    if (b === COMMA || b === LF || b === CR) {
      if (b === COMMA) content = true;
      else if (!content) content = !blankOnly(buf, start, i);
      if (content || b === COMMA) {
        if (cells < width) {
          const starts = at2.starts[cells];
          if (starts !== void 0) trimInto(buf, start, i, starts, at2.ends[cells], row);
        }
        cells++;
      }
      if (b !== COMMA) break;
      start = ++i;
    } else i++;
  }
  kept.cells = content ? cells : 0;
  return i;
}
function blankOnly(buf, from, to) {
  for (let i = from; i < to; i++) if (KIND[buf[i]] !== BLANK) return false;
  return true;
}
function trimInto(buf, from, to, starts, ends, row) {
  let start = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const kind = KIND[buf[i]];
    if (kind === PLAIN) {
      if (start < 0) start = i;
      last = i;
    } else if (start < 0 && kind !== BLANK) start = i;
  }
  starts[row] = start < 0 ? to : start;
  ends[row] = start < 0 ? to : last >= start ? last + 1 : start;
}
var Record = class {
  cells = 0;
  starts = [];
  ends = [];
  /** Reads the record at `pos`; returns where it ends (its line end, or the end of the bytes). */
  read(buf, pos) {
    this.cells = 0;
    const n = buf.length;
    let start = -1;
    let last = -1;
    let content = false;
    let i = pos;
    for (; i < n; i++) {
      const kind = KIND[buf[i]];
      if (kind === PLAIN) {
        if (start < 0) start = i;
        while (i + 1 < n && buf[i + 1] > COMMA) i++;
        last = i;
        content = true;
      } else if (kind === COMMA_KIND) {
        this.push(start, last, i);
        start = last = -1;
        content = true;
      } else if (kind === LINE_END) break;
      else if (start < 0 && kind === BLANK) continue;
      else {
        if (start < 0) start = i;
        content = true;
      }
    }
    if (content) this.push(start, last, i);
    return i;
  }
  push(start, last, at2) {
    this.starts[this.cells] = start < 0 ? at2 : start;
    this.ends[this.cells] = start < 0 ? at2 : last >= start ? last + 1 : start;
    this.cells++;
  }
};
function countLineEnds(buf) {
  let n = 0;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) n++;
  for (let i = buf.indexOf(CR); i >= 0; i = buf.indexOf(CR, i + 1)) n++;
  return n;
}
function offsetGrid(file, buf, header, rowCount, lines, at2, parsed) {
  const numbers = /* @__PURE__ */ new Map();
  const scanned = parsed?.numbers.map((values) => values?.subarray(0, rowCount));
  const offsets = (column) => {
    if (at2.starts[column] === void 0 && parsed !== void 0 && column >= 0 && column < header.length) {
      const found = cellsAgain(buf, parsed.rowStarts, rowCount, column);
      at2.starts[column] = found.starts;
      at2.ends[column] = found.ends;
    }
    const starts = at2.starts[column];
    const ends = at2.ends[column];
    if (starts === void 0 || ends === void 0) throw new RangeError(`column ${column} of ${file} was not kept`);
    return { starts, ends };
  };
  return {
    file,
    header,
    rowCount,
    lines,
    text(row, column) {
      const o = offsets(column);
      return buf.toString("latin1", o.starts[row], o.ends[row]);
    },
    numbers(column) {
      if (scanned) return scanned[column];
      if (!numbers.has(column)) numbers.set(column, parseColumn(buf, offsets(column).starts, offsets(column).ends, rowCount));
      return numbers.get(column);
    },
    holds: (column) => parsed !== void 0 || at2.starts[column] !== void 0
  };
}
function cellsAgain(buf, rowStarts, rowCount, column) {
  const starts = new Int32Array(rowCount);
  const ends = new Int32Array(rowCount);
  const record = new Record();
  for (let r = 0; r < rowCount; r++) {
    record.read(buf, rowStarts[r]);
    if (column < record.cells) {
      starts[r] = record.starts[column];
      ends[r] = record.ends[column];
    }
  }
  return { starts, ends };
}
function tableGrid(table) {
  const parsed = /* @__PURE__ */ new Map();
  const numbers = (column) => {
    const values = new Float64Array(table.rows.length);
    for (let r = 0; r < table.rows.length; r++) {
      const cell2 = table.rows[r][column];
      if (isNumber(cell2)) values[r] = Number(cell2);
      else if (MISSING.has(cell2)) values[r] = NaN;
      else return void 0;
    }
    return values;
  };
  return {
    file: table.file,
    header: table.header,
    rowCount: table.rows.length,
    lines: Int32Array.from(table.lines),
    text: (row, column) => table.rows[row][column] ?? "",
    numbers(column) {
      if (!parsed.has(column)) parsed.set(column, numbers(column));
      return parsed.get(column);
    },
    holds: () => true
  };
}
function checkGridInfinities(grid) {
  for (let c = 0; c < grid.header.length; c++) {
    if (!grid.holds(c) || grid.numbers(c) !== void 0) continue;
    let infinite = false;
    for (let r = 0; r < grid.rowCount; r++) {
      const cell2 = grid.text(r, c);
      if (INFINITY.test(cell2)) infinite = true;
      else if (!MISSING.has(cell2) && !isNumber(cell2)) break;
      if (r === grid.rowCount - 1 && infinite) checkInfinities(columnTable(grid, c));
    }
  }
}
function columnTable(grid, column) {
  const rows = Array.from({ length: grid.rowCount }, (_, r) => [grid.text(r, column)]);
  return { file: grid.file, header: [grid.header[column]], rows, lines: Array.from(grid.lines) };
}

// src/trainer/data/split.ts
import { createHash as createHash2 } from "node:crypto";
function splitRows(table, groupOf, fraction, seed = 0, keyOf = String) {
  const rowCount = typeof table === "number" ? table : table.rows.length;
  const units = new Float64Array(rowCount);
  const inValidation = new Uint8Array(rowCount);
  const groupOfRow = new Int32Array(rowCount);
  const ids = /* @__PURE__ */ new Map();
  for (let row = 0; row < rowCount; row++) {
    const u = splitUnit(seed, keyOf(row));
    units[row] = u;
    if (u < fraction) inValidation[row] = 1;
    const key = groupOf(row);
    let g = ids.get(key);
    if (g === void 0) ids.set(key, g = ids.size);
    groupOfRow[row] = g;
  }
  const size = new Int32Array(ids.size);
  const held = new Int32Array(ids.size);
  const highest = new Int32Array(ids.size).fill(-1);
  const lowest = new Int32Array(ids.size).fill(-1);
  for (let row = 0; row < rowCount; row++) {
    const g = groupOfRow[row];
    size[g]++;
    held[g] += inValidation[row];
    if (highest[g] < 0 || units[row] > units[highest[g]]) highest[g] = row;
    if (lowest[g] < 0 || units[row] < units[lowest[g]]) lowest[g] = row;
  }
  for (let g = 0; g < ids.size; g++) {
    if (held[g] === size[g]) inValidation[highest[g]] = 0;
    else if (held[g] === 0 && size[g] >= 2) inValidation[lowest[g]] = 1;
  }
  const train3 = [];
  const validation = [];
  for (let row = 0; row < rowCount; row++) (inValidation[row] ? validation : train3).push(row);
  return { train: train3, validation };
}
function splitUnit(seed, key) {
  if (seed !== prefix.seed) prefix = { seed, text: `sweepgate/split\0${seed}\0` };
  sha256Words(prefix.text, key, words);
  return (words[0] * 2 ** 20 + (words[1] >>> 12)) / 2 ** 52;
}
var words = new Uint32Array(2);
var prefix = { seed: 0, text: "sweepgate/split\x000\0" };
function validationFingerprint(keys, targets) {
  const text = keys.map((k, i) => `${k}\0${targets[i]}`).join("");
  return createHash2("sha256").update("sweepgate/validation-rows\0").update(text).digest("hex");
}

// src/trainer/data/tabular-data.ts
var MAX_CATEGORIES = 1e3;
function finiteNumber(table, row, column, raw) {
  const x = Number(raw);
  if (!Number.isFinite(x))
    throw new DatasetError(
      { file: table.file, line: table.lines[row], column, value: raw },
      `column ${show(column)} holds ${show(raw)}, which is beyond the range of a number (about \xB11.8e308)`
    );
  return x;
}
function columnIndex(table, name, role) {
  const i = table.header.indexOf(name);
  if (i < 0) throw new MissingColumnError(table.file, role, name, table.header);
  return i;
}
function featureNames(spec, table) {
  const ids = new Set(spec.splitBy ?? []);
  const names = spec.features ? [...spec.features] : table.header.filter((h) => h !== "" && h !== spec.target && !ids.has(h));
  const seen = /* @__PURE__ */ new Set();
  for (const name of names) {
    if (name === spec.target)
      throw new DatasetError({ file: table.file, column: name }, `target column ${show(name)} cannot also be a feature`);
    if (seen.has(name)) throw new DatasetError({ file: table.file, column: name }, `feature column ${show(name)} is listed twice`);
    seen.add(name);
    columnIndex(table, name, "feature");
  }
  if (names.length === 0)
    throw new DatasetError({ file: table.file }, `no feature columns (the only column is the target ${show(spec.target)})`);
  return names;
}
function cell(side, row, column) {
  return side.table.text(row, column);
}
var at = (side, name) => side.table.header.indexOf(name);
function numberCell(side, row, column) {
  const values = side.table.numbers(column);
  return values ? !Number.isNaN(values[row]) : isNumber(cell(side, row, column));
}
function classLabels(train3, validation, target) {
  const numeric = [train3, validation].every((side) => side.rows.every((r) => numberCell(side, r, at(side, target))));
  if (numeric)
    for (const side of [train3, validation]) {
      const c = at(side, target);
      const values = side.table.numbers(c);
      for (const r of side.rows) if (!Number.isFinite(values[r])) finiteNumber(side.table, r, target, cell(side, r, c));
    }
  const canon = numeric ? (side, row) => String(side.table.numbers(at(side, target))[row]) : (side, row) => cell(side, row, at(side, target));
  const classes = [...new Set(train3.rows.map((r) => canon(train3, r)))];
  classes.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
  return { classes, canon };
}
function checkTargetsPresent(side, target) {
  const c = at(side, target);
  for (const r of side.rows) {
    if (!numberCell(side, r, c) && cell(side, r, c) === "")
      throw new DatasetError(
        { file: side.table.file, line: side.table.lines[r], column: target },
        `row has no value in target column ${show(target)}`
      );
  }
}
function encodeLabels(side, target, classes, canon) {
  const index = new Map(classes.map((c, i) => [c, i]));
  const out = new Int32Array(new SharedArrayBuffer(side.rows.length * 4));
  side.rows.forEach((r, i) => {
    const k = index.get(canon(side, r));
    if (k === void 0)
      throw new UnseenLabelError(side.table.file, side.table.lines[r], target, cell(side, r, at(side, target)), classes);
    out[i] = k;
  });
  return out;
}
function encodeTargets(side, target) {
  const out = new Float64Array(new SharedArrayBuffer(side.rows.length * 8));
  const c = at(side, target);
  const values = side.table.numbers(c);
  side.rows.forEach((r, i) => {
    const v = values?.[r] ?? NaN;
    if (Number.isFinite(v)) {
      out[i] = v;
      return;
    }
    const raw = cell(side, r, c);
    if (!isNumber(raw)) throw new NonNumericError(side.table.file, side.table.lines[r], target, raw, "regression target");
    out[i] = finiteNumber(side.table, r, target, raw);
  });
  return out;
}
function fitEncoding(data, train3, name) {
  const column = data.header.indexOf(name);
  const values = data.numbers(column);
  if (values) {
    for (let r = 0; r < data.rowCount; r++) if (Math.abs(values[r]) === Infinity) finiteNumber(data, r, name, data.text(r, column));
    let n = 0;
    let sum = 0;
    for (const r of train3.rows) {
      const v = values[r];
      if (!Number.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (const r of train3.rows) {
      const v = values[r];
      if (!Number.isNaN(v)) ss += (v - mean) ** 2;
    }
    const std = n > 0 ? Math.sqrt(ss / n) : 0;
    return { kind: "numeric", name, mean, std: Number.isFinite(std) && std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 0 };
  }
  const categories = [...new Set(train3.rows.map((r) => cell(train3, r, column)).filter((c) => c !== ""))].sort(
    (a, b) => a < b ? -1 : a > b ? 1 : 0
  );
  if (categories.length > MAX_CATEGORIES)
    throw new DatasetError(
      { file: data.file, column: name },
      `column ${show(name)} has ${categories.length} distinct non-numeric values (more than ${MAX_CATEGORIES} one-hot inputs); if it is an id or free text, leave it out with \`features:\``
    );
  return { kind: "categorical", name, categories };
}
function encodeFeatures(side, encodings, width, isTrainingFile) {
  const x = new Float32Array(new SharedArrayBuffer(side.rows.length * width * 4));
  const columns = encodings.map((e) => side.table.header.indexOf(e.name));
  if (encodings.some((e, j) => e.kind === "numeric" && !cleanNumbers(side, columns[j])))
    firstFeatureProblem(side, encodings, columns, isTrainingFile);
  let offset = 0;
  encodings.forEach((e, j) => {
    const column = columns[j];
    if (e.kind === "numeric") {
      const values = side.table.numbers(column);
      side.rows.forEach((r, i) => {
        const v = values[r];
        if (!Number.isNaN(v)) x[i * width + offset] = e.std > 0 ? (v - e.mean) / e.std : 0;
      });
      offset += 1;
    } else {
      const lookup = new Map(e.categories.map((c, i) => [c, i]));
      side.rows.forEach((r, i) => {
        const k = lookup.get(cell(side, r, column));
        if (k !== void 0) x[i * width + offset + k] = 1;
      });
      offset += e.categories.length;
    }
  });
  return x;
}
function cleanNumbers(side, column) {
  const values = side.table.numbers(column);
  return values !== void 0 && side.rows.every((r) => Number.isFinite(values[r]) || Number.isNaN(values[r]));
}
function firstFeatureProblem(side, encodings, columns, isTrainingFile) {
  for (const r of side.rows)
    encodings.forEach((e, j) => {
      const c = cell(side, r, columns[j]);
      if (e.kind !== "numeric" || MISSING.has(c)) return;
      if (!isNumber(c)) {
        if (isTrainingFile) throw new Error(`internal: non-numeric ${show(c)} in numeric column ${e.name}`);
        throw new NonNumericError(side.table.file, side.table.lines[r], e.name, c, "numeric feature");
      }
      finiteNumber(side.table, r, e.name, c);
    });
}
function withValidationFile(spec, file, validationBytes, table, names, scan) {
  if (validationBytes === void 0) throw new TypeError("prepareTabularData: validation bytes missing");
  const vtable = scanCsv(file, validationBytes, scan);
  checkGridInfinities(vtable);
  columnIndex(vtable, spec.target, "target");
  for (const name of names) columnIndex(vtable, name, "feature");
  const train3 = { table, rows: allRows(table) };
  const validation = { table: vtable, rows: allRows(vtable) };
  const vids = (spec.splitBy ?? []).map((c) => columnIndex(vtable, c, "split_by"));
  const validationKey = vids.length === 0 ? String : (row) => vids.map((c) => vtable.text(row, c)).join("\0");
  return { train: train3, validation, validationKey };
}
var allRows = (table) => Array.from({ length: table.rowCount }, (_, i) => i);
function splitTable(spec, table, keyOf) {
  if (!(spec.validationSplit > 0 && spec.validationSplit < 1))
    throw new DatasetError({ file: spec.data }, `validation_split must be in (0, 1), got ${spec.validationSplit}`);
  const ti = table.header.indexOf(spec.target);
  const groupOf = spec.task === "classification" ? (row) => table.text(row, ti) : () => "";
  const split = splitRows(table.rowCount, groupOf, spec.validationSplit, spec.splitSeed ?? 0, keyOf);
  if (split.validation.length === 0 || split.train.length === 0)
    throw new EmptyDataError(
      { file: spec.data },
      `validation_split ${spec.validationSplit} of ${table.rowCount} rows leaves ${split.train.length} training and ${split.validation.length} validation rows; add rows, raise validation_split or give a \`validation\` file`
    );
  return { train: { table, rows: split.train }, validation: { table, rows: split.validation }, validationKey: keyOf };
}
function splitSides(spec, table, validationBytes, scan) {
  columnIndex(table, spec.target, "target");
  const names = featureNames(spec, table);
  const idColumns = (spec.splitBy ?? []).map((c) => columnIndex(table, c, "split_by"));
  const keyOf = idColumns.length === 0 ? String : (row) => idColumns.map((c) => table.text(row, c)).join("\0");
  const { train: train3, validation, validationKey } = spec.validation === void 0 ? splitTable(spec, table, keyOf) : withValidationFile(spec, spec.validation, validationBytes, table, names, scan);
  checkTargetsPresent(train3, spec.target);
  checkTargetsPresent(validation, spec.target);
  const vtarget = at(validation, spec.target);
  const validationRows = {
    rows: validation.rows.length,
    fingerprint: validationFingerprint(
      validation.rows.map(validationKey),
      validation.rows.map((r) => cell(validation, r, vtarget))
    )
  };
  return { names, keyOf, train: train3, validation, validationRows };
}
function validationRowsOf(spec, data, validationBytes) {
  const scan = { only: [spec.target, ...spec.splitBy ?? []] };
  return splitSides(spec, scanCsv(spec.data, data, scan), validationBytes, scan).validationRows;
}
function prepareTabularData(spec, data, validationBytes) {
  const texts = { texts: [spec.target, ...spec.splitBy ?? []] };
  const table = scanCsv(spec.data, data, texts);
  checkGridInfinities(table);
  const { names, keyOf, train: train3, validation, validationRows } = splitSides(spec, table, validationBytes, texts);
  const encodings = names.map((name) => fitEncoding(table, train3, name));
  const inputs = encodings.flatMap((e) => e.kind === "numeric" ? [e.name] : e.categories.map((c) => `${e.name}=${c}`));
  if (inputs.length === 0)
    throw new DatasetError({ file: spec.data }, `the feature columns (${names.join(", ")}) have no values in the training rows`);
  const encode = (side, isTrainingFile) => encodeFeatures(side, encodings, inputs.length, isTrainingFile);
  const words2 = new Uint32Array(2);
  const trainKeys = new Uint32Array(new SharedArrayBuffer(train3.rows.length * 4));
  train3.rows.forEach((r, i) => {
    sha256Words("", keyOf(r), words2);
    trainKeys[i] = words2[0];
  });
  if (spec.task === "classification") {
    const { classes, canon } = classLabels(train3, validation, spec.target);
    if (classes.length < 2)
      throw new DatasetError(
        { file: spec.data, column: spec.target },
        `classification needs at least two classes in the training rows; column ${show(spec.target)} has only ${classes.map((c) => show(c)).join(", ")}`
      );
    return {
      task: "classification",
      target: spec.target,
      validationRows,
      encodings,
      inputs,
      classes,
      targetMean: 0,
      targetStd: 1,
      train: { n: train3.rows.length, x: encode(train3, true), labels: encodeLabels(train3, spec.target, classes, canon), keys: trainKeys },
      validation: {
        n: validation.rows.length,
        x: encode(validation, spec.validation === void 0),
        labels: encodeLabels(validation, spec.target, classes, canon)
      }
    };
  }
  const trainTargets = encodeTargets(train3, spec.target);
  const validationTargets = encodeTargets(validation, spec.target);
  const mean = trainTargets.reduce((s, v) => s + v, 0) / trainTargets.length;
  const std = Math.sqrt(trainTargets.reduce((s, v) => s + (v - mean) ** 2, 0) / trainTargets.length);
  return {
    task: "regression",
    target: spec.target,
    validationRows,
    encodings,
    inputs,
    classes: [],
    targetMean: mean,
    targetStd: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1,
    train: { n: train3.rows.length, x: encode(train3, true), targets: trainTargets, keys: trainKeys },
    validation: { n: validation.rows.length, x: encode(validation, spec.validation === void 0), targets: validationTargets }
  };
}

// src/trainer/data/shape-estimate.ts
function estimateShape(spec, data) {
  const { header, rows } = csvOutline(data);
  const ids = new Set(spec.splitBy ?? []);
  const features = spec.features?.length ?? header.filter((h) => h !== "" && h !== spec.target && !ids.has(h)).length;
  const trainRows = spec.validation === void 0 ? Math.round(rows * (1 - spec.validationSplit)) : rows;
  return { trainRows: Math.max(1, trainRows), featureColumns: Math.max(1, features), outputs: spec.task === "classification" ? 2 : 1 };
}

// src/trainer/data/prepared.ts
function fileHashes(data, validation) {
  return { data: sha256Hex(data), ...validation === void 0 ? {} : { validation: sha256Hex(validation) } };
}
function preparedKey(spec, hashes) {
  const { defaults: _defaults, type: _type, ...dataset } = spec;
  return hashJson({ spec: dataset, data: hashes.data, validation: hashes.validation ?? null });
}
function prepareOnce(known, spec, hashes, bytes) {
  const key = preparedKey(spec, hashes);
  const found = known.find((p) => p.key === key) ?? recent.find((p) => p.key === key);
  if (found) return found;
  const files = bytes();
  const made = { key, data: prepareTabularData(spec, files.data, files.validation) };
  recent.unshift(made);
  recent.length = Math.min(recent.length, RECENT);
  return made;
}
var recent = [];
var RECENT = 2;

// src/core/config/trainer-params.ts
var OPTIMIZERS = ["sgd", "momentum", "adam", "adamax", "rmsprop", "adagrad", "adadelta"];
var ACTIVATIONS = ["relu", "elu", "selu", "leaky_relu", "tanh", "sigmoid", "softplus", "linear"];
var INITIALIZERS = ["glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal"];
var LR_SCHEDULES = ["constant", "cosine", "step", "exponential"];
var WIDTH_SCHEDULES = ["constant", "shrink", "grow"];
var PADDINGS = ["same", "valid"];
var POOLINGS = ["max", "avg", "none"];
var TRAINER_HYPERPARAMETERS = {
  epochs: { type: "int", min: 1, max: 1e4, default: 20, doc: "passes over the training split" },
  batch_size: { type: "int", min: 1, default: 32, doc: "rows per gradient step" },
  optimizer: { type: "enum", values: OPTIMIZERS, default: "adam", doc: "gradient method" },
  learning_rate: { type: "float", min: 0, minExclusive: true, default: 0.01, doc: "step size" },
  momentum: {
    type: "float",
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0.9,
    doc: "momentum of `momentum` (default 0.9) and `rmsprop` (default 0)"
  },
  layers: { type: "int", min: 0, max: 64, default: 1, doc: "hidden layers (0 = linear / logistic model)" },
  units: {
    type: "int",
    min: 1,
    max: 4096,
    default: 32,
    doc: "units of the first hidden layer (of every one with width_schedule constant)"
  },
  width_schedule: {
    type: "enum",
    values: WIDTH_SCHEDULES,
    default: "constant",
    doc: "hidden widths by depth: all `units`, or halved / doubled per layer"
  },
  activation: { type: "enum", values: ACTIVATIONS, default: "relu", doc: "hidden-layer activation" },
  dropout: { type: "float", min: 0, max: 1, maxExclusive: true, default: 0, doc: "dropout rate after each hidden layer" },
  l1: { type: "float", min: 0, default: 0, doc: "L1 penalty on kernels" },
  l2: { type: "float", min: 0, default: 0, doc: "L2 penalty on kernels" },
  kernel_initializer: { type: "enum", values: INITIALIZERS, default: "glorot_uniform", doc: "kernel initialiser (seeded)" },
  batch_norm: { type: "bool", default: false, doc: "batch normalisation before each hidden activation" },
  layer_norm: { type: "bool", default: false, doc: "layer normalisation before each hidden activation (not with batch_norm)" },
  weight_decay: { type: "float", min: 0, default: 0, doc: "decoupled weight decay: kernels shrink by lr\xB7weight_decay each step" },
  lr_schedule: { type: "enum", values: LR_SCHEDULES, default: "constant", doc: "learning rate by epoch after warm-up" },
  lr_decay_rate: { type: "float", min: 0, minExclusive: true, max: 1, default: 0.5, doc: "step / exponential: factor per lr_decay_epochs" },
  lr_decay_epochs: { type: "int", min: 1, max: 1e4, default: 10, doc: "step / exponential: epochs per lr_decay_rate factor" },
  lr_min_fraction: {
    type: "float",
    min: 0,
    max: 1,
    default: 0,
    doc: "cosine: the learning rate it decays towards, as a fraction of learning_rate"
  },
  warmup_epochs: { type: "int", min: 0, max: 1e4, default: 0, doc: "epochs of linear warm-up before the schedule" },
  early_stopping_patience: {
    type: "int",
    min: 0,
    max: 1e4,
    default: 0,
    doc: "stop after this many epochs without improving the sweep metric (0 = off)"
  },
  conv_layers: { type: "int", min: 0, max: 8, default: 2, doc: "image trainer: convolutional layers before the dense head" },
  filters: { type: "int", min: 1, max: 512, default: 16, doc: "image trainer: filters of the first conv layer" },
  filter_schedule: {
    type: "enum",
    values: WIDTH_SCHEDULES,
    default: "constant",
    doc: "image trainer: filters by depth: all `filters`, or halved / doubled per layer"
  },
  kernel_size: { type: "int", min: 1, max: 15, default: 3, doc: "image trainer: side of each square conv window" },
  strides: { type: "int", min: 1, max: 8, default: 1, doc: "image trainer: step of each conv window, both directions" },
  padding: { type: "enum", values: PADDINGS, default: "same", doc: "image trainer: conv padding (same keeps the side at input/strides)" },
  pooling: { type: "enum", values: POOLINGS, default: "max", doc: "image trainer: 2\xD72 pooling (stride 2) after each conv layer" },
  freeze_layers: {
    type: "int",
    min: 0,
    max: 64,
    default: 0,
    doc: "with trainer.base_model: the bottom k layers (conv layers first, then hidden layers) keep their weights"
  },
  fine_tune_learning_rate: {
    type: "float",
    min: 0,
    default: 0,
    doc: "with trainer.base_model: step size of its unfrozen layers (0 = learning_rate)"
  },
  validation_split: {
    type: "float",
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    default: 0.2,
    doc: "fraction of rows held out for validation (default: trainer.validation_split)"
  }
};
function checkHyperparameter(name, value) {
  const spec = TRAINER_HYPERPARAMETERS[name];
  if (!spec) return `not a trainer hyperparameter (known: ${Object.keys(TRAINER_HYPERPARAMETERS).join(", ")})`;
  switch (spec.type) {
    case "bool":
      return typeof value === "boolean" ? void 0 : `must be true or false, got ${JSON.stringify(value)}`;
    case "enum":
      return typeof value === "string" && spec.values.includes(value) ? void 0 : `must be one of ${spec.values.join(", ")}, got ${JSON.stringify(value)}`;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) return `must be an integer, got ${JSON.stringify(value)}`;
      if (value < spec.min || spec.max !== void 0 && value > spec.max)
        return `must be in [${spec.min}, ${spec.max ?? "\u221E"}], got ${value}`;
      return void 0;
    case "float": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `must be a number, got ${JSON.stringify(value)}`;
      const lowOk = spec.minExclusive ? value > spec.min : value >= spec.min;
      const highOk = spec.max === void 0 || (spec.maxExclusive ? value < spec.max : value <= spec.max);
      if (!lowOk || !highOk)
        return `must be in ${spec.minExclusive ? "(" : "["}${spec.min}, ${spec.max ?? "\u221E"}${spec.maxExclusive || spec.max === void 0 ? ")" : "]"}, got ${value}`;
      return void 0;
    }
  }
}
var RMSPROP_DEFAULT_MOMENTUM = 0;
function resolveHyperparameters(params, defaults = {}) {
  const out = {};
  for (const [name, spec] of Object.entries(TRAINER_HYPERPARAMETERS)) out[name] = spec.default;
  Object.assign(out, defaults, params);
  if (out["optimizer"] === "rmsprop" && !("momentum" in params) && !("momentum" in defaults)) out["momentum"] = RMSPROP_DEFAULT_MOMENTUM;
  return out;
}

// src/core/config/trainer-rules.ts
var CONV_HYPERPARAMETERS = ["conv_layers", "filters", "filter_schedule", "kernel_size", "strides", "padding", "pooling"];
var ARCHITECTURE_HYPERPARAMETERS = ["layers", "units", "width_schedule", "activation", "batch_norm", "layer_norm"];
var FINE_TUNE_HYPERPARAMETERS = ["freeze_layers", "fine_tune_learning_rate"];
var RULED_HYPERPARAMETERS = [
  ...CONV_HYPERPARAMETERS,
  "validation_split",
  ...FINE_TUNE_HYPERPARAMETERS,
  ...ARCHITECTURE_HYPERPARAMETERS
];
function trainerShape(spec) {
  return {
    type: spec.type,
    baseModel: spec.baseModel !== void 0,
    validationFile: spec.type === "tabular" && spec.validation !== void 0
  };
}
var includes = (names, name) => names.includes(name);
function trainerTypeProblem(name, type) {
  return type === "tabular" && includes(CONV_HYPERPARAMETERS, name) ? "is a hyperparameter of the image trainer (trainer.type: image); the tabular trainer has no conv layers" : void 0;
}
function validationFileProblem(name, validationFile) {
  return validationFile && name === "validation_split" ? "cannot be used with trainer.validation (a separate validation file replaces the split)" : void 0;
}
function baseModelProblem(name, baseModel) {
  if (!baseModel && includes(FINE_TUNE_HYPERPARAMETERS, name))
    return "needs trainer.base_model (the pre-trained model whose layers it freezes or fine-tunes)";
  if (baseModel && includes(ARCHITECTURE_HYPERPARAMETERS, name))
    return "comes from trainer.base_model (its layers, widths, activation and normalisation), so it cannot be set";
  if (baseModel && includes(CONV_HYPERPARAMETERS, name))
    return "comes from trainer.base_model (its conv layers' filters, window, strides, padding and pooling), so it cannot be set";
  return void 0;
}
function hyperparameterProblem(name, trainer) {
  return trainerTypeProblem(name, trainer.type) ?? validationFileProblem(name, trainer.validationFile) ?? baseModelProblem(name, trainer.baseModel);
}
function hyperparameterProblems(trainer) {
  return RULED_HYPERPARAMETERS.flatMap((name) => {
    const problem = hyperparameterProblem(name, trainer);
    return problem === void 0 ? [] : [{ name, problem }];
  });
}
function normalisationProblem(batchNorm, layerNorm) {
  return batchNorm === true && layerNorm === true ? "cannot be true together with batch_norm: pick one normalisation, got true" : void 0;
}
function givenHyperparameterProblem(params, defaults, trainer) {
  for (const { name, problem } of hyperparameterProblems(trainer)) {
    const value = Object.hasOwn(params, name) ? params[name] : Object.hasOwn(defaults, name) ? defaults[name] : void 0;
    if (value !== void 0) return `${name}: ${problem}, got ${show(value)}`;
  }
  return void 0;
}

// src/trainer/nn/hyperparameters.ts
var MAX_WIDTH = 4096;
function hiddenWidths(layers, units, schedule) {
  return Array.from(
    { length: layers },
    (_, i) => schedule === "shrink" ? Math.max(1, Math.round(units / 2 ** i)) : schedule === "grow" ? Math.min(MAX_WIDTH, units * 2 ** i) : units
  );
}
function parseHyperparameters(params, defaults = {}) {
  for (const [name, value] of Object.entries({ ...defaults, ...params })) {
    const problem = trainerTypeProblem(name, "tabular");
    if (problem !== void 0) throw new TrialError(`${name}: ${problem}, got ${show(value)}`);
  }
  return parseDense(resolveChecked(params, defaults));
}
function resolveChecked(params, defaults) {
  const unknown = [...Object.keys(defaults), ...Object.keys(params)].filter((k) => !(k in TRAINER_HYPERPARAMETERS));
  if (unknown.length > 0)
    throw new TrialError(
      `not a trainer hyperparameter: ${[...new Set(unknown)].join(", ")} (known: ${Object.keys(TRAINER_HYPERPARAMETERS).join(", ")})`
    );
  const hp = resolveHyperparameters(params, defaults);
  for (const [name, value] of Object.entries(hp)) {
    const problem = checkHyperparameter(name, value);
    if (problem !== void 0) throw new TrialError(`hyperparameter ${name}: ${problem}`);
  }
  return hp;
}
function parseDense(hp) {
  const num = (k) => hp[k];
  const str = (k) => hp[k];
  const layers = num("layers");
  const units = num("units");
  const widthSchedule = str("width_schedule");
  const out = {
    epochs: num("epochs"),
    batchSize: num("batch_size"),
    optimizer: str("optimizer"),
    learningRate: num("learning_rate"),
    momentum: num("momentum"),
    layers,
    units,
    widthSchedule,
    widths: hiddenWidths(layers, units, widthSchedule),
    activation: str("activation"),
    dropout: num("dropout"),
    l1: num("l1"),
    l2: num("l2"),
    kernelInitializer: str("kernel_initializer"),
    batchNorm: hp["batch_norm"],
    layerNorm: hp["layer_norm"],
    weightDecay: num("weight_decay"),
    lrSchedule: str("lr_schedule"),
    lrDecayRate: num("lr_decay_rate"),
    lrDecayEpochs: num("lr_decay_epochs"),
    lrMinFraction: num("lr_min_fraction"),
    warmupEpochs: num("warmup_epochs"),
    earlyStoppingPatience: num("early_stopping_patience"),
    validationSplit: num("validation_split"),
    freezeLayers: num("freeze_layers"),
    fineTuneLearningRate: num("fine_tune_learning_rate")
  };
  const normalisation = normalisationProblem(out.batchNorm, out.layerNorm);
  if (normalisation !== void 0) throw new TrialError(`layer_norm: ${normalisation}`);
  if (out.widths.reduce((s, w) => s + w * w, 0) > 64e6)
    throw new TrialError(`model too large: layers ${show(out.layers)} of widths ${show(out.widths.join(", "))} exceed 64M weights`);
  return out;
}
function parseImageHyperparameters(params, defaults = {}) {
  const hp = resolveChecked(params, defaults);
  const filters = hiddenWidths(hp["conv_layers"], hp["filters"], hp["filter_schedule"]).map(
    (f) => Math.min(f, 512)
  );
  return {
    dense: parseDense(hp),
    conv: {
      filters,
      kernelSize: hp["kernel_size"],
      strides: hp["strides"],
      padding: hp["padding"],
      pooling: hp["pooling"]
    }
  };
}

// src/trainer/nn/mlp.ts
var BN_EPSILON = 1e-3;
var BN_MOMENTUM = 0.9;
var LN_EPSILON = 1e-3;
var LEAKY_RELU_ALPHA = 0.2;
function initialKernel(kind, fanIn, fanOut, rng, count = fanIn * fanOut) {
  const scale = kind.startsWith("glorot") ? 2 / (fanIn + fanOut) : kind.startsWith("he") ? 2 / fanIn : 1 / fanIn;
  const out = new Float32Array(count);
  const limit = Math.sqrt(3 * scale);
  const std = Math.sqrt(scale) / 0.8796256610342398;
  const draw = (g) => {
    if (kind.endsWith("uniform")) return g.uniform(-limit, limit);
    let z;
    do
      z = g.normal();
    while (Math.abs(z) > 2);
    return z * std;
  };
  if (!Array.isArray(rng)) {
    for (let i = 0; i < count; i++) out[i] = draw(rng);
    return out;
  }
  const streams = rng;
  const width = count / streams.length;
  streams.forEach((g, r) => {
    for (let i = r * width; i < (r + 1) * width; i++) out[i] = draw(g);
  });
  return out;
}
function buildMlp(hp, inputs, outputs, seed, inputNames) {
  const inputRngs = (fanOut, otherwise) => inputNames ? inputNames.map((name) => new Rng(deriveSeed(seed, "init-input", name, fanOut))) : otherwise;
  const values = [];
  let offset = 0;
  const block = (shape, init) => {
    const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
    const b = { offset, size, shape };
    offset += size;
    values.push({ block: b, init });
    return b;
  };
  const hidden = [];
  let fanIn = inputs;
  for (const [i, units] of hp.widths.entries()) {
    const rng = new Rng(deriveSeed(seed, "init", i));
    const kernel = block([fanIn, units], initialKernel(hp.kernelInitializer, fanIn, units, i === 0 ? inputRngs(units, rng) : rng));
    const norm = () => ({ gamma: block([units], 1), beta: block([units], 0) });
    hidden.push(hp.batchNorm ? { kernel, bn: norm() } : hp.layerNorm ? { kernel, ln: norm() } : { kernel, bias: block([units], 0) });
    fanIn = units;
  }
  const outKernel = block(
    [fanIn, outputs],
    initialKernel(
      hp.kernelInitializer,
      fanIn,
      outputs,
      hp.widths.length === 0 ? inputRngs(outputs, new Rng(deriveSeed(seed, "init", "output"))) : new Rng(deriveSeed(seed, "init", "output"))
    )
  );
  const outBias = block([outputs], 0);
  const params = new Float32Array(offset);
  for (const { block: b, init } of values) {
    if (typeof init === "number") params.fill(init, b.offset, b.offset + b.size);
    else params.set(init, b.offset);
  }
  return {
    hidden,
    outKernel,
    outBias,
    kernels: [...hidden.map((h) => h.kernel), outKernel],
    params,
    moving: hp.batchNorm ? hp.widths.map((units) => ({ mean: new Float32Array(units), variance: new Float32Array(units).fill(1) })) : []
  };
}
function upload(tf, params, b) {
  return tf.tensor(params.subarray(b.offset, b.offset + b.size), [...b.shape], "float32");
}
function uploadWeights(tf, model) {
  return weightsOf(model, (b) => upload(tf, model.params, b));
}
function weightsOf(model, tensor) {
  return {
    hidden: model.hidden.map((h) => {
      const norm = h.bn ?? h.ln;
      return {
        kernel: tensor(h.kernel),
        bias: h.bias && tensor(h.bias),
        gamma: norm && tensor(norm.gamma),
        beta: norm && tensor(norm.beta)
      };
    }),
    outKernel: tensor(model.outKernel),
    outBias: tensor(model.outBias)
  };
}
function activate(tf, name, x) {
  switch (name) {
    case "relu":
      return tf.relu(x);
    case "elu":
      return tf.elu(x);
    case "selu":
      return tf.selu(x);
    case "leaky_relu":
      return tf.leakyRelu(x, LEAKY_RELU_ALPHA);
    case "tanh":
      return tf.tanh(x);
    case "sigmoid":
      return tf.sigmoid(x);
    case "softplus":
      return tf.softplus(x);
    case "linear":
      return x;
  }
}
var fusedActivation = (name) => name === "relu" ? "relu" : "linear";
function forward(tf, model, w, activation, x, training) {
  let h = x;
  w.hidden.forEach((layer, i) => {
    const input = h;
    let z;
    let a;
    let bn;
    let ln;
    if (model.hidden[i].ln && layer.gamma && layer.beta) {
      const zIn = tf.matMul(h, layer.kernel);
      const centred = tf.sub(zIn, tf.mean(zIn, 1, true));
      const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), 1, true), LN_EPSILON));
      const xhat = tf.mul(centred, rstd);
      ln = { xhat, rstd, gamma: layer.gamma };
      z = tf.add(tf.mul(xhat, layer.gamma), layer.beta);
      a = activate(tf, activation, z);
    } else if (layer.gamma && layer.beta) {
      const zIn = tf.matMul(h, layer.kernel);
      const mean = training ? tf.mean(zIn, 0) : tf.tensor1d(model.moving[i].mean);
      const centred = tf.sub(zIn, mean);
      const variance = training ? tf.mean(tf.square(centred), 0) : tf.tensor1d(model.moving[i].variance);
      const rstd = tf.rsqrt(tf.add(variance, BN_EPSILON));
      const xhat = tf.mul(centred, rstd);
      bn = { xhat, rstd, gamma: layer.gamma, mean, variance };
      z = tf.add(tf.mul(xhat, layer.gamma), layer.beta);
      a = activate(tf, activation, z);
    } else {
      const fused = fusedActivation(activation);
      z = tf.fused.matMul({ a: h, b: layer.kernel, bias: layer.bias, activation: fused });
      a = fused === activation ? z : activate(tf, activation, z);
    }
    h = a;
    if (training) {
      const values = training.masks[i];
      const mask = values && { values, tensor: tf.tensor2d(values, a.shape) };
      if (mask) h = tf.mul(a, mask.tensor);
      training.layers.push({ input, z, a, output: h, mask, bn, ln });
    }
  });
  return tf.fused.matMul({ a: h, b: w.outKernel, bias: w.outBias });
}
function predict(tf, model, activation, x) {
  return forward(tf, model, uploadWeights(tf, model), activation, x);
}
function updateMovingStats(model, stats, frozen = 0) {
  model.moving.forEach((moving, i) => {
    if (i < frozen) return;
    const { mean, variance } = stats[i];
    for (let j = 0; j < mean.length; j++) {
      moving.mean[j] = BN_MOMENTUM * moving.mean[j] + (1 - BN_MOMENTUM) * mean[j];
      moving.variance[j] = BN_MOMENTUM * moving.variance[j] + (1 - BN_MOMENTUM) * variance[j];
    }
  });
}
function addPenaltyGradient(model, l1, l2, grads) {
  if (l1 === 0 && l2 === 0) return;
  const p = model.params;
  for (const k of model.kernels) {
    for (let i = k.offset; i < k.offset + k.size; i++) grads[i] = grads[i] + l1 * Math.sign(p[i]) + 2 * l2 * p[i];
  }
}
function applyWeightDecay(model, lr, decay, from = 0, to = model.params.length) {
  if (decay === 0) return;
  const factor = 1 - lr * decay;
  const p = model.params;
  for (const k of model.kernels) {
    const start = Math.max(k.offset, from);
    const end = Math.min(k.offset + k.size, to);
    for (let i = start; i < end; i++) p[i] = p[i] * factor;
  }
}
function dropoutMasks(rate, rows, widths, seed) {
  if (rate <= 0 || widths.length === 0) return [];
  const rng = new Rng(seed);
  const keep = 1 / (1 - rate);
  const masks = [];
  for (const units of widths) {
    const values = new Float32Array(rows * units);
    for (let i = 0; i < values.length; i++) values[i] = rng.next() < rate ? 0 : keep;
    masks.push(values);
  }
  return masks;
}

// src/trainer/nn/optimizers.ts
var EPSILON = 1e-7;
var BETA1 = 0.9;
var BETA2 = 0.999;
var RMSPROP_DECAY = 0.9;
var ADAGRAD_INITIAL_ACCUMULATOR = 0.1;
var ADADELTA_RHO = 0.95;
function createOptimizer(hp, size) {
  return OPTIMIZERS3[hp.optimizer](size, hp.momentum);
}
var OPTIMIZERS3 = {
  sgd,
  momentum: heavyBall,
  adam,
  adamax,
  rmsprop,
  adagrad,
  adadelta
};
function sgd(size) {
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) p[i] = p[i] - lr * g[i];
    }
  };
}
function heavyBall(size, mu) {
  const acc = new Float64Array(size);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        acc[i] = mu * acc[i] + g[i];
        p[i] = p[i] - lr * acc[i];
      }
    }
  };
}
function adam(size) {
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let beta1Power = 1;
  let beta2Power = 1;
  return {
    step(p, g, lr) {
      beta1Power *= BETA1;
      beta2Power *= BETA2;
      const rate = lr / (1 - beta1Power);
      const rootCorrection = 1 / Math.sqrt(1 - beta2Power);
      for (let i = 0; i < size; i++) {
        const gi = g[i];
        const mi = m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
        const vi = v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
        p[i] = p[i] - rate * mi / (Math.sqrt(vi) * rootCorrection + EPSILON);
      }
    }
  };
}
function adamax(size) {
  const m = new Float64Array(size);
  const u = new Float64Array(size);
  let beta1Power = 1;
  return {
    step(p, g, lr) {
      beta1Power *= BETA1;
      const rate = lr / (1 - beta1Power);
      for (let i = 0; i < size; i++) {
        const gi = g[i];
        m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
        u[i] = Math.max(BETA2 * u[i], Math.abs(gi));
        p[i] = p[i] - rate * m[i] / (u[i] + EPSILON);
      }
    }
  };
}
function rmsprop(size, mu) {
  const ms = new Float64Array(size);
  const mom = new Float64Array(size);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        const gi = g[i];
        ms[i] = RMSPROP_DECAY * ms[i] + (1 - RMSPROP_DECAY) * gi * gi;
        mom[i] = mu * mom[i] + lr * gi / Math.sqrt(ms[i] + EPSILON);
        p[i] = p[i] - mom[i];
      }
    }
  };
}
function adagrad(size) {
  const acc = new Float64Array(size).fill(ADAGRAD_INITIAL_ACCUMULATOR);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        const gi = g[i];
        acc[i] = acc[i] + gi * gi;
        p[i] = p[i] - lr * gi / Math.sqrt(acc[i] + EPSILON);
      }
    }
  };
}
function adadelta(size) {
  const accGrad = new Float64Array(size);
  const accUpdate = new Float64Array(size);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        const gi = g[i];
        const update = Math.sqrt(accUpdate[i] + EPSILON) / Math.sqrt(accGrad[i] + EPSILON) * gi;
        accGrad[i] = ADADELTA_RHO * accGrad[i] + (1 - ADADELTA_RHO) * gi * gi;
        accUpdate[i] = ADADELTA_RHO * accUpdate[i] + (1 - ADADELTA_RHO) * update * update;
        p[i] = p[i] - lr * update;
      }
    }
  };
}

// src/trainer/tabular/fine-tune.ts
function fromBaseModel(base, hp, outputs, task, target, seed) {
  const arch = baseArchitecture(base, hp);
  if (hp.freezeLayers > arch.widths.length)
    throw new TrialError(
      `freeze_layers ${hp.freezeLayers} is more than the base model's ${arch.widths.length} hidden layers (the output layer always trains)`
    );
  const model = buildMlp(arch, base.inputs, outputs, seed);
  const newHead = base.task !== task || base.output.units !== outputs;
  setBaseWeights(base, model, !newHead, task, target);
  return { model, hp: arch, newHead };
}
function baseArchitecture(base, hp) {
  const widths = base.hidden.map((h) => h.units);
  return {
    ...hp,
    layers: widths.length,
    units: widths[0] ?? hp.units,
    widthSchedule: "constant",
    widths,
    activation: base.activation,
    batchNorm: base.norm === "batch",
    layerNorm: base.norm === "layer"
  };
}
function setBaseWeights(base, model, keepOutput, task, target) {
  const p = model.params;
  base.hidden.forEach((b, i) => {
    const h = model.hidden[i];
    p.set(b.kernel, h.kernel.offset);
    if (h.bias && b.bias) p.set(b.bias, h.bias.offset);
    const norm = h.bn ?? h.ln;
    if (norm && b.gamma && b.beta) {
      p.set(b.gamma, norm.gamma.offset);
      p.set(b.beta, norm.beta.offset);
    }
    if (h.bn && b.movingMean && b.movingVariance) {
      model.moving[i].mean.set(b.movingMean);
      model.moving[i].variance.set(b.movingVariance);
    }
  });
  if (!keepOutput) return;
  const kernel = Float32Array.from(base.output.kernel);
  const bias = Float32Array.from(base.output.bias);
  if (task === "regression") {
    for (let j = 0; j < kernel.length; j++) kernel[j] = kernel[j] / target.std;
    bias[0] = (bias[0] - target.mean) / target.std;
  }
  p.set(kernel, model.outKernel.offset);
  p.set(bias, model.outBias.offset);
}
function fineTuneSegments(model, hp, newHead) {
  const frozen = model.hidden.slice(0, hp.freezeLayers);
  const last = frozen.at(-1);
  const lastBlock = last && (last.bn?.beta ?? last.ln?.beta ?? last.bias ?? last.kernel);
  const frozenEnd = lastBlock ? lastBlock.offset + lastBlock.size : 0;
  const headStart = model.outKernel.offset;
  const fine = hp.fineTuneLearningRate > 0 ? hp.fineTuneLearningRate / hp.learningRate : 1;
  const segment = (from, to, rateFactor) => to > from ? [{ from, to, rateFactor, optimizer: createOptimizer(hp, to - from) }] : [];
  const segments = newHead ? [...segment(frozenEnd, headStart, fine), ...segment(headStart, model.params.length, 1)] : segment(frozenEnd, model.params.length, fine);
  return { frozenEnd, segments };
}
function stepSegments(model, segments, grads, lr, weightDecay) {
  for (const s of segments) {
    const rate = lr * s.rateFactor;
    applyWeightDecay(model, rate, weightDecay, s.from, s.to);
    s.optimizer.step(model.params.subarray(s.from, s.to), grads.subarray(s.from, s.to), rate);
  }
}
function withBaseModel(fingerprint, base, kind = "tabular") {
  return base ? hashJson({ [kind]: fingerprint, baseModel: base.bytes.map((b) => sha256Hex(b)) }) : fingerprint;
}
function checkBaseInputs(base, inputs, BaseError) {
  if (base.inputs !== inputs.length)
    throw new BaseError(
      { file: base.file },
      `takes ${base.inputs} inputs, but the data encodes ${inputs.length} (${inputs.slice(0, 8).map((s) => show(s)).join(", ")}${inputs.length > 8 ? ", ..." : ""}): fine-tune on data with the columns (and categories) it was trained on`
    );
}

// src/trainer/tabular/model-file.ts
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

// src/trainer/tabular/mlp-layers.ts
var KERAS_ACTIVATION = {
  relu: "relu",
  elu: "elu",
  selu: "selu",
  tanh: "tanh",
  sigmoid: "sigmoid",
  softplus: "softplus",
  linear: "linear"
};
var TO_ACTIVATION = new Map(
  Object.entries(KERAS_ACTIVATION).map(([ours, keras]) => [keras, ours])
);
function trainerActivation(keras) {
  return TO_ACTIVATION.get(keras);
}
function layerAdder(tf) {
  const lm = tf.sequential();
  const weights = [];
  const assign = [];
  const add = (layer, ...tensors) => {
    lm.add(layer);
    if (tensors.length > 0) assign.push({ layer, tensors });
    weights.push(...tensors);
  };
  const done = () => {
    for (const { layer, tensors } of assign) layer.setWeights(tensors);
    tf.dispose(weights);
    return lm;
  };
  return { add, done };
}
function kerasActivation(activation) {
  return KERAS_ACTIVATION[activation];
}
function addMlpLayers(tf, add, model, hp, inputShape, task, target) {
  const values = (offset, size, shape) => tf.tensor(model.params.slice(offset, offset + size), shape);
  model.hidden.forEach((h, i) => {
    const [fanIn2, units] = h.kernel.shape;
    const norm = h.bn ?? h.ln;
    const inline = !norm && hp.activation !== "leaky_relu";
    const dense = tf.layers.dense({
      units,
      useBias: !norm,
      activation: inline ? kerasActivation(hp.activation) : "linear",
      name: `hidden_${i}`,
      ...i === 0 && inputShape ? { inputShape } : {}
    });
    add(dense, values(h.kernel.offset, h.kernel.size, [fanIn2, units]), ...h.bias ? [values(h.bias.offset, h.bias.size, [units])] : []);
    if (h.bn) {
      const moving = model.moving[i];
      add(
        tf.layers.batchNormalization({ momentum: BN_MOMENTUM, epsilon: BN_EPSILON, name: `hidden_${i}_batch_norm` }),
        values(h.bn.gamma.offset, units, [units]),
        values(h.bn.beta.offset, units, [units]),
        tf.tensor(moving.mean),
        tf.tensor(moving.variance)
      );
    }
    if (h.ln)
      add(
        tf.layers.layerNormalization({ epsilon: LN_EPSILON, name: `hidden_${i}_layer_norm` }),
        values(h.ln.gamma.offset, units, [units]),
        values(h.ln.beta.offset, units, [units])
      );
    if (hp.activation === "leaky_relu") add(tf.layers.leakyReLU({ alpha: LEAKY_RELU_ALPHA, name: `hidden_${i}_activation` }));
    else if (!inline) add(tf.layers.activation({ activation: kerasActivation(hp.activation), name: `hidden_${i}_activation` }));
    if (hp.dropout > 0) add(tf.layers.dropout({ rate: hp.dropout, name: `hidden_${i}_dropout` }));
  });
  const [fanIn, outputs] = model.outKernel.shape;
  const output = tf.layers.dense({ units: outputs, name: "output", ...model.hidden.length === 0 && inputShape ? { inputShape } : {} });
  const kernel = model.params.slice(model.outKernel.offset, model.outKernel.offset + model.outKernel.size);
  const bias = model.params.slice(model.outBias.offset, model.outBias.offset + model.outBias.size);
  if (task === "regression") {
    for (let j = 0; j < kernel.length; j++) kernel[j] = kernel[j] * target.std;
    bias[0] = bias[0] * target.std + target.mean;
  }
  add(output, tf.tensor(kernel, [fanIn, outputs]), tf.tensor(bias, [outputs]));
  if (task === "classification") add(tf.layers.activation({ activation: "softmax", name: "probabilities" }));
}

// src/trainer/tabular/model-file.ts
var BaseModelError = class extends DatasetError {
  name = "BaseModelError";
};
function toLayersModel(tf, model, hp, inputs, task, target) {
  const layers = layerAdder(tf);
  addMlpLayers(tf, layers.add, model, hp, [inputs], task, target);
  return layers.done();
}
async function saveLayersModel(tf, lm, dir) {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "model.json");
  await lm.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = artifacts.weightData === void 0 ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format ?? "layers-model",
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs ?? [] }]
      };
      await atomicWrite(path.join(dir, "weights.bin"), new Uint8Array(weightData));
      await atomicWrite(file, `${JSON.stringify(json)}
`);
      return { modelArtifactsInfo: { dateSaved: /* @__PURE__ */ new Date(), modelTopologyType: "JSON" } };
    })
  );
  return file;
}
async function saveWithCard(tf, lm, card, dir) {
  try {
    const file = await saveLayersModel(tf, lm, dir);
    await atomicWrite(path.join(dir, "model-card.json"), `${JSON.stringify(card, null, 2)}
`);
    return file;
  } finally {
    lm.dispose();
  }
}
async function atomicWrite(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
async function readBaseModel(fileOrDir) {
  const { file, bytes, layers, weightsOf: weightsOf2, fail } = await readLayersFile(fileOrDir);
  return { file, bytes, ...readLayers(layers, weightsOf2, fail) };
}
async function readLayersFile(fileOrDir) {
  const file = fileOrDir.endsWith(".json") ? fileOrDir : path.join(fileOrDir, "model.json");
  const fail = (message) => {
    throw new BaseModelError({ file }, message);
  };
  const { jsonBytes, doc } = await readModelJson(file, fail);
  const topology = doc.modelTopology;
  if (topology?.class_name !== "Sequential")
    return fail(`is not a Sequential LayersModel (model.json's modelTopology.class_name is ${show(topology?.class_name ?? null)})`);
  const layers = (Array.isArray(topology.config) ? topology.config : topology.config?.layers) ?? [];
  const weights = await readWeights(file, doc, fail);
  const weightsOf2 = (layer, suffix) => {
    const name = String(layer.config.name);
    const found = weights.tensors.get(`${name}/${suffix}`) ?? [...weights.tensors.entries()].find(([k]) => k.startsWith(`${name}/`) && k.endsWith(`/${suffix}`))?.[1];
    return found ?? fail(`layer ${show(name)} has no weight ${show(suffix)} in the weightsManifest`);
  };
  return { file, bytes: [jsonBytes, ...weights.bytes], layers, weightsOf: weightsOf2, fail };
}
async function readModelJson(file, fail) {
  let jsonBytes;
  try {
    jsonBytes = await readFile(file);
  } catch (err) {
    return fail(`cannot be read: ${errorText(err)}`);
  }
  try {
    return { jsonBytes, doc: JSON.parse(Buffer.from(jsonBytes).toString("utf8")) };
  } catch (err) {
    return fail(`is not JSON: ${errorText(err)}`);
  }
}
async function readWeights(file, doc, fail) {
  const bytes = [];
  const tensors = /* @__PURE__ */ new Map();
  for (const group of doc.weightsManifest ?? []) {
    const parts = [];
    for (const p of group.paths) {
      const weightsFile = path.join(path.dirname(file), p);
      try {
        parts.push(await readFile(weightsFile));
      } catch (err) {
        throw new BaseModelError(
          { file: weightsFile },
          `cannot be read (named in ${path.basename(file)}'s weightsManifest): ${errorText(err)}`
        );
      }
    }
    const data = Buffer.concat(parts);
    bytes.push(data);
    let offset = 0;
    for (const w of group.weights) {
      if (w.dtype !== "float32") fail(`weight ${show(w.name)} is ${show(w.dtype)}; only float32 weights are read`);
      const n = w.shape.reduce((a, b) => a * b, 1);
      if (offset + 4 * n > data.length) fail(`weight ${show(w.name)} runs past the end of the weight files (${data.length} bytes)`);
      tensors.set(w.name, new Float32Array(data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + 4 * n)));
      offset += 4 * n;
    }
  }
  return { bytes, tensors };
}
function readLayers(layers, weightsOf2, fail, inputs) {
  const denses = layers.map((l, i) => l.class_name === "Dense" ? i : -1).filter((i) => i >= 0);
  if (denses.length === 0) fail("has no Dense layer");
  const walk = {
    outputAt: denses.at(-1),
    hidden: [],
    activations: /* @__PURE__ */ new Set(),
    norms: /* @__PURE__ */ new Set(),
    softmax: false,
    ...inputs !== void 0 ? { inputs } : {}
  };
  layers.forEach((layer, i) => readLayer(walk, layer, i, weightsOf2, fail));
  const { hidden, activations, norms } = walk;
  if (activations.size > 1) fail(`its hidden layers use different activations (${[...activations].join(", ")}); the trainer uses one`);
  if (norms.size > 1 || norms.size === 1 && hidden.some((h) => !h.gamma))
    fail("its hidden layers are normalised differently; the trainer normalises all or none, one way");
  for (const [i, h] of hidden.entries())
    if (!h.bias && !h.gamma) fail(`hidden Dense ${i + 1} has neither a bias nor a normalisation after it`);
  return {
    inputs: walk.inputs,
    activation: [...activations][0] ?? "linear",
    norm: [...norms][0] ?? "none",
    hidden,
    output: walk.current,
    task: walk.softmax ? "classification" : "regression"
  };
}
function readLayer(walk, layer, i, weightsOf2, fail) {
  const c = layer.config;
  const at2 = `layer ${i + 1} (${layer.class_name} ${show(String(c.name))})`;
  if (i === 0 && walk.inputs === void 0) {
    const shape = c.batch_input_shape ?? c.batchInputShape;
    if (shape?.length !== 2)
      fail(`${at2}: the first layer must take a vector of inputs (batch_input_shape [null, n]), got ${show(shape ?? null)}`);
    walk.inputs = shape[1];
  }
  switch (layer.class_name) {
    case "Dense":
      return readDense(walk, layer, i === walk.outputAt, at2, weightsOf2, fail);
    case "BatchNormalization":
    case "LayerNormalization":
      return readNorm(walk, layer, i, at2, weightsOf2, fail);
    case "Activation": {
      const act = String(c.activation);
      if (i > walk.outputAt) {
        if (act !== "softmax") fail(`${at2}: only a softmax may follow the output Dense, got ${show(act)}`);
        walk.softmax = true;
        return;
      }
      walk.activations.add(trainerActivation(act) ?? fail(`${at2}: activation ${show(act)} is not one the trainer has`));
      return;
    }
    case "LeakyReLU":
      if (Math.abs(Number(c.alpha) - LEAKY_RELU_ALPHA) > 1e-6)
        fail(`${at2}: alpha ${String(c.alpha)} differs from the trainer's leaky_relu slope ${LEAKY_RELU_ALPHA}`);
      walk.activations.add("leaky_relu");
      return;
    case "Dropout":
      return;
    // inference is unaffected; the fine-tune's own `dropout` applies
    default:
      fail(
        `${at2} is not a layer the tabular trainer builds (it fine-tunes MLPs: Dense, BatchNormalization, LayerNormalization, Activation, LeakyReLU, Dropout)`
      );
  }
}
function readDense(walk, layer, isOutput, at2, weightsOf2, fail) {
  const c = layer.config;
  const units = Number(c.units);
  const kernel = weightsOf2(layer, "kernel");
  const bias = c.use_bias === false ? void 0 : weightsOf2(layer, "bias");
  const act = String(c.activation ?? "linear");
  if (isOutput) {
    if (act !== "linear" && act !== "softmax")
      fail(`${at2}: the output Dense must be linear (optionally followed by a softmax), got activation ${show(act)}`);
    walk.softmax ||= act === "softmax";
    walk.current = { kernel, units, bias: bias ?? new Float32Array(units) };
    return;
  }
  walk.current = { kernel, units, ...bias ? { bias } : {} };
  walk.hidden.push(walk.current);
  if (act !== "linear") {
    const ours = trainerActivation(act) ?? fail(`${at2}: activation ${show(act)} is not one the trainer has`);
    walk.activations.add(ours);
  }
}
function readNorm(walk, layer, i, at2, weightsOf2, fail) {
  const kind = layer.class_name === "BatchNormalization" ? "batch" : "layer";
  const h = walk.current;
  if (!h || i > walk.outputAt) return void fail(`${at2}: normalisation must follow a hidden Dense layer`);
  const eps = Number(layer.config.epsilon);
  const want = kind === "batch" ? BN_EPSILON : LN_EPSILON;
  if (Math.abs(eps - want) > 1e-12) fail(`${at2}: epsilon ${eps} differs from the trainer's ${want}`);
  walk.norms.add(kind);
  h.gamma = weightsOf2(layer, "gamma");
  h.beta = weightsOf2(layer, "beta");
  if (kind === "batch") {
    h.movingMean = weightsOf2(layer, "moving_mean");
    h.movingVariance = weightsOf2(layer, "moving_variance");
  }
}

// src/trainer/nn/tf-raw-ops.ts
function isNodeKernelBackend(backend) {
  const b = backend;
  return typeof b?.executeSingleOutput === "function" && typeof b.binding?.TF_FLOAT === "number";
}
function rawGradients(tf) {
  if (tf.getBackend() !== "tensorflow") return void 0;
  const backend = tf.engine().backend;
  if (!isNodeKernelBackend(backend)) return void 0;
  const { binding } = backend;
  const float = { name: "T", type: binding.TF_ATTR_TYPE, value: binding.TF_FLOAT };
  const nhwc = { name: "data_format", type: binding.TF_ATTR_STRING, value: "NHWC" };
  return {
    reluGrad: (dy, features) => backend.executeSingleOutput("ReluGrad", [float], [dy, features]),
    biasAddGrad: (dz) => backend.executeSingleOutput("BiasAddGrad", [float, nhwc], [dz])
  };
}

// src/trainer/nn/backprop.ts
var SELU_SCALE = 1.0507009873554805;
var SELU_SCALE_ALPHA = 1.7580993408473768;
function opsFor(tf) {
  const backend = tf.getBackend();
  return { tf, explicitTranspose: backend === "wasm", elementwiseInJs: backend === "cpu", raw: rawGradients(tf) };
}
function matMul(ops, a, b, transposeA, transposeB) {
  const { tf } = ops;
  if (!ops.explicitTranspose) return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}
function backprop(ops, model, activation, batch, lossGradient, grads, inputGradient) {
  const { tf } = ops;
  const stats = [];
  tf.tidy(() => {
    const w = uploadWeights(tf, model);
    const layers = [];
    const x = tf.tensor2d(batch.x, [batch.rows, batch.x.length / batch.rows]);
    const out = forward(tf, model, w, activation, x, { masks: batch.masks, layers });
    const dOut = lossGradient(out.dataSync());
    let delta = tf.tensor2d(dOut, [batch.rows, model.outBias.size]);
    grads.set(matMul(ops, layers.at(-1)?.output ?? x, delta, true, false).dataSync(), model.outKernel.offset);
    columnSums(dOut, model.outBias.size, grads, model.outBias.offset);
    for (let i = layers.length - 1; i >= 0; i--) {
      const pass = layers[i];
      const above = i === layers.length - 1 ? w.outKernel : w.hidden[i + 1].kernel;
      const da = matMul(ops, delta, above, false, true);
      const hiddenDelta = ops.elementwiseInJs ? hiddenDeltaInJs : hiddenDeltaOnDevice;
      delta = hiddenDelta(ops, activation, pass, model.hidden[i], model, da, grads);
      grads.set(matMul(ops, pass.input, delta, true, false).dataSync(), model.hidden[i].kernel.offset);
    }
    if (inputGradient) inputGradient.set(matMul(ops, delta, w.hidden[0]?.kernel ?? w.outKernel, false, true).dataSync());
    for (const p of layers)
      if (p.bn) stats.push({ mean: p.bn.mean.dataSync(), variance: p.bn.variance.dataSync() });
  });
  return stats;
}
function hiddenDeltaOnDevice({ tf, raw }, activation, pass, layer, model, da, grads) {
  const dy = pass.mask ? tf.mul(da, pass.mask.tensor) : da;
  let dz = activation === "relu" && raw ? raw.reluGrad(dy, pass.a) : activationGradient(tf, activation, dy, pass.z, pass.a);
  if (pass.bn && layer.bn) {
    const { xhat, rstd, gamma } = pass.bn;
    columnSums(tf.mul(dz, xhat).dataSync(), layer.bn.gamma.size, grads, layer.bn.gamma.offset);
    columnSums(dz.dataSync(), layer.bn.beta.size, grads, layer.bn.beta.offset);
    dz = tf.mul(tf.sub(tf.sub(dz, tf.mean(dz, 0)), tf.mul(xhat, tf.mean(tf.mul(dz, xhat), 0))), tf.mul(rstd, gamma));
  } else if (pass.ln && layer.ln) {
    const { xhat, rstd, gamma } = pass.ln;
    columnSums(tf.mul(dz, xhat).dataSync(), layer.ln.gamma.size, grads, layer.ln.gamma.offset);
    columnSums(dz.dataSync(), layer.ln.beta.size, grads, layer.ln.beta.offset);
    const dxhat = tf.mul(dz, gamma);
    dz = tf.mul(tf.sub(tf.sub(dxhat, tf.mean(dxhat, 1, true)), tf.mul(xhat, tf.mean(tf.mul(dxhat, xhat), 1, true))), rstd);
  } else {
    columnSums(dz.dataSync(), layer.bias.size, grads, layer.bias.offset);
  }
  return dz;
}
function activationGradient(tf, name, da, z, a) {
  switch (name) {
    case "relu":
      return tf.mul(da, tf.step(a));
    case "leaky_relu":
      return tf.mul(da, tf.step(a, LEAKY_RELU_ALPHA));
    case "elu":
      return tf.mul(da, tf.add(tf.minimum(a, 0), 1));
    case "selu":
      return tf.mul(da, tf.add(tf.mul(tf.step(a), SELU_SCALE - SELU_SCALE_ALPHA), tf.add(tf.minimum(a, 0), SELU_SCALE_ALPHA)));
    case "tanh":
      return tf.mul(da, tf.sub(1, tf.square(a)));
    case "sigmoid":
      return tf.mul(da, tf.mul(a, tf.sub(1, a)));
    case "softplus":
      return tf.mul(da, tf.sigmoid(z));
    case "linear":
      return da;
  }
}
function hiddenDeltaInJs({ tf }, activation, pass, layer, model, daTensor, grads) {
  let da = daTensor.dataSync();
  if (pass.mask) da = multiply(da, pass.mask.values);
  const z = activation === "softplus" ? pass.z.dataSync() : da;
  const a = activation === "softplus" || activation === "linear" ? da : pass.a.dataSync();
  const dz = activationBackward(activation, da, z, a);
  if (pass.bn && layer.bn) batchNormBackward(dz, pass.bn.xhat.dataSync(), pass.bn.rstd.dataSync(), model, layer.bn, grads);
  else if (pass.ln && layer.ln) layerNormBackward(dz, pass.ln.xhat.dataSync(), pass.ln.rstd.dataSync(), model, layer.ln, grads);
  else columnSums(dz, layer.bias.size, grads, layer.bias.offset);
  return tf.tensor2d(dz, daTensor.shape);
}
function multiply(a, b) {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * b[i];
  return out;
}
function activationBackward(name, da, z, a) {
  const n = da.length;
  const dz = new Float32Array(n);
  switch (name) {
    case "relu":
      for (let i = 0; i < n; i++) dz[i] = a[i] > 0 ? da[i] : 0;
      break;
    case "leaky_relu":
      for (let i = 0; i < n; i++) dz[i] = a[i] > 0 ? da[i] : da[i] * LEAKY_RELU_ALPHA;
      break;
    case "elu":
      for (let i = 0; i < n; i++) dz[i] = a[i] > 0 ? da[i] : da[i] * (a[i] + 1);
      break;
    case "selu":
      for (let i = 0; i < n; i++) dz[i] = da[i] * (a[i] > 0 ? SELU_SCALE : a[i] + SELU_SCALE_ALPHA);
      break;
    case "tanh":
      for (let i = 0; i < n; i++) dz[i] = da[i] * (1 - a[i] * a[i]);
      break;
    case "sigmoid":
      for (let i = 0; i < n; i++) dz[i] = da[i] * a[i] * (1 - a[i]);
      break;
    case "softplus":
      for (let i = 0; i < n; i++) dz[i] = da[i] / (1 + Math.exp(-z[i]));
      break;
    case "linear":
      dz.set(da);
      break;
  }
  return dz;
}
function batchNormBackward(delta, xhat, rstd, model, bn, grads) {
  const units = bn.gamma.size;
  const rows = delta.length / units;
  const dGamma = new Float64Array(units);
  const dBeta = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    for (let j = 0, k = r * units; j < units; j++, k++) {
      dBeta[j] = dBeta[j] + delta[k];
      dGamma[j] = dGamma[j] + delta[k] * xhat[k];
    }
  }
  grads.set(dGamma, bn.gamma.offset);
  grads.set(dBeta, bn.beta.offset);
  const scale = Float64Array.from({ length: units }, (_, j) => rstd[j] * model.params[bn.gamma.offset + j]);
  for (let r = 0; r < rows; r++) {
    for (let j = 0, k = r * units; j < units; j++, k++)
      delta[k] = scale[j] * (delta[k] - dBeta[j] / rows - xhat[k] * dGamma[j] / rows);
  }
}
function layerNormBackward(delta, xhat, rstd, model, ln, grads) {
  const units = ln.gamma.size;
  const rows = delta.length / units;
  const dGamma = new Float64Array(units);
  const dBeta = new Float64Array(units);
  const gamma = model.params.subarray(ln.gamma.offset, ln.gamma.offset + units);
  const dxhat = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    let meanD = 0;
    let meanDX = 0;
    for (let j = 0, k = r * units; j < units; j++, k++) {
      dBeta[j] = dBeta[j] + delta[k];
      dGamma[j] = dGamma[j] + delta[k] * xhat[k];
      const d = dxhat[j] = delta[k] * gamma[j];
      meanD += d;
      meanDX += d * xhat[k];
    }
    meanD /= units;
    meanDX /= units;
    for (let j = 0, k = r * units; j < units; j++, k++) delta[k] = rstd[r] * (dxhat[j] - meanD - xhat[k] * meanDX);
  }
  grads.set(dGamma, ln.gamma.offset);
  grads.set(dBeta, ln.beta.offset);
}
function columnSums(values, width, out, offset) {
  const sums = new Float64Array(width);
  for (let r = 0; r < values.length; r += width) for (let j = 0; j < width; j++) sums[j] = sums[j] + values[r + j];
  out.set(sums, offset);
}

// src/trainer/nn/schedule.ts
function learningRateAt(hp, epoch) {
  const base = hp.learningRate;
  const warmup = hp.warmupEpochs;
  if (epoch <= warmup) return base * epoch / (warmup + 1);
  const t = epoch - warmup - 1;
  switch (hp.lrSchedule) {
    case "constant":
      return base;
    case "step":
      return base * hp.lrDecayRate ** Math.floor(t / hp.lrDecayEpochs);
    case "exponential":
      return base * hp.lrDecayRate ** (t / hp.lrDecayEpochs);
    case "cosine": {
      const span = Math.max(1, hp.epochs - warmup);
      const min = base * hp.lrMinFraction;
      return min + (base - min) * (1 + Math.cos(Math.PI * Math.min(t, span) / span)) / 2;
    }
  }
}

// src/trainer/nn/early-stopping.ts
var EarlyStopping = class {
  constructor(patience, watched) {
    this.patience = patience;
    this.watched = watched;
  }
  patience;
  watched;
  best = Number.NaN;
  stale = 0;
  /** Feeds one epoch's metrics; true when training should stop after this epoch. */
  shouldStop(metrics) {
    const value = metrics[this.watched.name];
    if (value === void 0)
      throw new TrialError(
        `early_stopping_patience watches metric ${show(this.watched.name)}, which the trainer does not report (it reports ${Object.keys(metrics).join(", ")})`
      );
    const better = Number.isNaN(this.best) || (this.watched.goal === "minimize" ? value < this.best : value > this.best);
    if (better) {
      this.best = value;
      this.stale = 0;
      return false;
    }
    this.stale++;
    return this.stale >= this.patience;
  }
};
var yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
async function runEpochs(epochs, ctx, early, epoch) {
  const stopper = early.patience > 0 ? new EarlyStopping(early.patience, early.watched ?? { name: "val_loss", goal: "minimize" }) : void 0;
  let last = {};
  for (let n = 1; n <= epochs; n++) {
    if (ctx.signal.aborted)
      throw new TrialError(`cancelled before epoch ${n}: ${String(ctx.signal.reason ?? "aborted")}`, { transient: true });
    const metrics = epoch(n);
    const bad = Object.entries(metrics).find(([, v]) => !Number.isFinite(v));
    if (bad) throw new TrialError(`${bad[0]} became ${bad[1]} at epoch ${n}: training diverged (try a smaller learning_rate)`);
    last = metrics;
    if (ctx.report(n, metrics)) break;
    if (stopper?.shouldStop(metrics)) break;
    await yieldToEventLoop();
  }
  return last;
}

// src/trainer/tabular/training-loop.ts
function batchLoss({ data, standardisedTargets }, out, rows) {
  const n = rows.length;
  if (data.task === "classification") {
    const k = data.classes.length;
    const labels = data.train.labels;
    const gradient2 = new Float32Array(n * k);
    let loss = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const o = i * k;
      const label = labels[rows[i]];
      const best = argMax(out, o, k);
      const max = out[o + best];
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(out[o + j] - max);
      loss += max + Math.log(sumExp) - out[o + label];
      if (best === label) correct++;
      for (let j = 0; j < k; j++) gradient2[o + j] = (Math.exp(out[o + j] - max) / sumExp - (j === label ? 1 : 0)) / n;
    }
    return { loss: loss / n, correct, absError: 0, gradient: gradient2 };
  }
  const targets = data.train.targets;
  const gradient = new Float32Array(n);
  let se = 0;
  let absError = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const err = out[i] - standardisedTargets[row];
    se += err * err;
    gradient[i] = 2 * err / n;
    absError += Math.abs(out[i] * data.targetStd + data.targetMean - targets[row]);
  }
  return { loss: se / n, correct: 0, absError, gradient };
}
function argMax(values, offset, length) {
  let best = 0;
  for (let j = 1; j < length; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}
function gatherRows(x, width, rows) {
  const out = new Float32Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i] * width;
    for (let j = 0; j < width; j++) out[i * width + j] = x[from + j];
  }
  return out;
}
function validationMetrics(data, out) {
  const n = data.validation.n;
  if (data.task === "classification") {
    const k = data.classes.length;
    const labels = data.validation.labels;
    let ce = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, out[i * k + j]);
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(out[i * k + j] - max);
      ce += max + Math.log(sumExp) - out[i * k + labels[i]];
      if (argMax(out, i * k, k) === labels[i]) correct++;
    }
    return { val_loss: ce / n, val_accuracy: correct / n };
  }
  const targets = data.validation.targets;
  let se = 0;
  let ae = 0;
  for (let i = 0; i < n; i++) {
    const err = out[i] * data.targetStd + data.targetMean - targets[i];
    se += err * err;
    ae += Math.abs(err);
  }
  return { val_loss: se / n, val_mae: ae / n, val_rmse: Math.sqrt(se / n) };
}
async function train(tf, data, standardisedTargets, hp, ctx, watched, base) {
  const trial = startTrial(tf, data, standardisedTargets, hp, ctx.seed, base);
  const last = await runEpochs(
    hp.epochs,
    ctx,
    { patience: hp.earlyStoppingPatience, watched },
    (epoch) => epochMetrics(data, trainEpoch(trial, epoch), validationOutputs(trial))
  );
  return { result: { metrics: last }, trial };
}
function startTrial(tf, data, standardisedTargets, trialHp, seed, base) {
  const outputs = data.task === "classification" ? data.classes.length : 1;
  const tuned = base && fromBaseModel(base, trialHp, outputs, data.task, { mean: data.targetMean, std: data.targetStd }, seed);
  const hp = tuned?.hp ?? trialHp;
  const model = tuned?.model ?? buildMlp(hp, data.inputs.length, outputs, seed, data.inputs);
  const size = model.params.length;
  return {
    ops: opsFor(tf),
    data,
    standardisedTargets,
    hp,
    seed,
    model,
    optimizer: createOptimizer(hp, size),
    ...tuned ? { fineTune: fineTuneSegments(model, hp, tuned.newHead) } : {},
    grads: new Float32Array(size)
  };
}
function epochOrder(keys, n, seed) {
  const rows = Array.from({ length: n }, (_, i) => i);
  if (!keys) return new Rng(seed).shuffle(rows);
  const rank = Uint32Array.from(keys, (k) => mix32(k, seed));
  return rows.sort((a, b) => rank[a] - rank[b] || a - b);
}
function mix32(a, b) {
  let h = Math.imul(a ^ Math.imul(b, 2654435761), 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  h = Math.imul(h ^ b, 668265263);
  return (h ^ h >>> 15) >>> 0;
}
function trainEpoch(trial, epoch) {
  const { data, hp } = trial;
  const width = data.inputs.length;
  const n = data.train.n;
  const batchSize = Math.min(hp.batchSize, n);
  const order = epochOrder(data.train.keys, n, deriveSeed(trial.seed, "shuffle", epoch));
  const lr = learningRateAt(hp, epoch);
  const shuffledX = gatherRows(data.train.x, width, order);
  const sums = { rows: 0, loss: 0, correct: 0, absError: 0 };
  for (let start = 0, batch = 0; start < n; start += batchSize, batch++) {
    const rows = order.slice(start, start + batchSize);
    const masks = hp.dropout > 0 ? dropoutMasks(hp.dropout, rows.length, hp.widths, deriveSeed(trial.seed, "dropout", epoch, batch)) : [];
    const x = shuffledX.subarray(start * width, (start + rows.length) * width);
    const { loss, correct, absError } = trainStep(trial, x, rows, masks, lr, `epoch ${epoch}, batch ${batch + 1}`);
    sums.rows += rows.length;
    sums.loss += loss * rows.length;
    sums.correct += correct;
    sums.absError += absError;
  }
  return sums;
}
function trainStep(trial, x, rows, masks, lr, where) {
  const { hp, model, grads } = trial;
  let result;
  const stats = backprop(
    trial.ops,
    model,
    hp.activation,
    { x, rows: rows.length, masks },
    (out) => (result = batchLoss(trial, out, rows)).gradient,
    grads
  );
  const { loss } = result;
  if (!Number.isFinite(loss)) throw new TrialError(`loss became ${loss} at ${where}: training diverged (try a smaller learning_rate)`);
  updateMovingStats(model, stats, trial.fineTune ? hp.freezeLayers : 0);
  addPenaltyGradient(model, hp.l1, hp.l2, grads);
  if (trial.fineTune) stepSegments(model, trial.fineTune.segments, grads, lr, hp.weightDecay);
  else {
    applyWeightDecay(model, lr, hp.weightDecay);
    trial.optimizer.step(model.params, grads, lr);
  }
  return result;
}
function msPerStep(trial, steps, clock) {
  const width = trial.data.inputs.length;
  const n = Math.min(trial.hp.batchSize, trial.data.train.n);
  const rows = Array.from({ length: n }, (_, i) => i);
  const x = trial.data.train.x.subarray(0, n * width);
  const lr = learningRateAt(trial.hp, 1);
  trainStep(trial, x, rows, [], lr, "the backend probe");
  const start = clock();
  for (let i = 0; i < steps; i++) trainStep(trial, x, rows, [], lr, "the backend probe");
  return (clock() - start) / steps;
}
function validationOutputs({ ops: { tf }, data, model, hp }) {
  let values = new Float32Array(0);
  tf.tidy(() => {
    values = predict(
      tf,
      model,
      hp.activation,
      tf.tensor2d(data.validation.x, [data.validation.n, data.inputs.length])
    ).dataSync();
  });
  return values;
}
function epochMetrics(data, sums, validationOut) {
  const scale = data.task === "regression" ? data.targetStd * data.targetStd : 1;
  const trainMetrics = data.task === "classification" ? { loss: sums.loss / sums.rows, accuracy: sums.correct / sums.rows } : { loss: sums.loss / sums.rows * scale, mae: sums.absError / sums.rows };
  return { ...trainMetrics, ...validationMetrics(data, validationOut) };
}

// src/trainer/tabular/tabular-objective.ts
var TABULAR_TRAINER_VERSION = 5;
async function createTabularObjective(spec, first, opts = {}) {
  const { baseModel: basePath, saveBest: _saveBest, ...plainSpec } = spec;
  const files = await readTabularData(plainSpec, opts);
  const { hashes, dataFor } = files;
  const base = basePath === void 0 ? void 0 : await readBaseModel(basePath);
  if (base) checkBaseInputs(base, files.data().inputs, BaseModelError);
  const fingerprint = withBaseModel(tabularFingerprintOf(plainSpec, hashes), base);
  const shape = trainerShape(spec);
  const hyperparameters = (params) => {
    const problem = givenHyperparameterProblem(params, spec.defaults, shape);
    if (problem !== void 0) throw new TrialError(problem);
    return parseHyperparameters(params, { validation_split: spec.validationSplit, ...spec.defaults });
  };
  const trialSetup = (params) => {
    const hp = hyperparameters(params);
    return { hp, split: dataFor(hp.validationSplit) };
  };
  const sizeOf = (hp, trainRows, inputs, outputs) => {
    const batch = Math.min(hp.batchSize, trainRows);
    const weights = base ? base.bytes.reduce((n, b) => n + b.length / 4, 0) : buildMlp(hp, inputs, outputs, 0).params.length;
    return { steps: Math.ceil(trainRows / batch) * hp.epochs, batch, weights };
  };
  let disposed = false;
  let handle = first;
  return {
    fingerprint,
    get backend() {
      return handle.backend;
    },
    switchBackend(on) {
      handle = on;
    },
    prepare() {
      files.data();
    },
    get prepared() {
      return files.prepared();
    },
    get validation() {
      return files.validationRows();
    },
    async run(params, ctx) {
      if (disposed) throw new TrialError("the tabular objective was disposed", { transient: true });
      const { hp, split: p } = trialSetup(params);
      await ensureBackend(handle);
      return (await train(handle.tf, p.data, p.standardisedTargets, hp, ctx, spec.earlyStoppingMetric, base)).result;
    },
    async saveModel(params, seed, dir, card) {
      const { hp, split: p } = trialSetup(params);
      await ensureBackend(handle);
      const ctx = { seed, report: () => false, signal: new AbortController().signal };
      const { trial, result } = await train(handle.tf, p.data, p.standardisedTargets, hp, ctx, spec.earlyStoppingMetric, base);
      const sha256 = { dataSha256: hashes.data, ...hashes.validation !== void 0 ? { validationSha256: hashes.validation } : {} };
      const cardJson = modelCard(p.data, trial.hp, params, seed, result.metrics, fingerprint, { ...card, ...sha256 });
      return saveModelFiles(handle.tf, trial, p.data, cardJson, dir);
    },
    async msPerStep(on, params, steps, clock = () => performance.now()) {
      const { hp, split: p } = trialSetup(params);
      await ensureBackend(on);
      try {
        return msPerStep(startTrial(on.tf, p.data, p.standardisedTargets, hp, 0, base), steps, clock);
      } finally {
        await ensureBackend(handle);
      }
    },
    trialSize(params) {
      const { hp, split: p } = trialSetup(params);
      return sizeOf(hp, p.data.train.n, p.data.inputs.length, p.data.task === "classification" ? p.data.classes.length : 1);
    },
    estimatedTrialSize(params) {
      const shape2 = files.estimate();
      return sizeOf(hyperparameters(params), shape2.trainRows, shape2.featureColumns, shape2.outputs);
    },
    // The objective holds no tensors between trials: each step creates and frees its own.
    async dispose() {
      disposed = true;
    }
  };
}
async function saveModelFiles(tf, trial, data, card, dir) {
  const lm = toLayersModel(tf, trial.model, trial.hp, data.inputs.length, data.task, { mean: data.targetMean, std: data.targetStd });
  return saveWithCard(tf, lm, card, dir);
}
function modelCard(data, hp, params, seed, metrics, fingerprint, extra) {
  return {
    format: "sweepgate-model-card-1",
    trainer: "tabular",
    trainerVersion: TABULAR_TRAINER_VERSION,
    task: data.task,
    target: data.target,
    ...extra,
    params,
    seed,
    metrics,
    fingerprint,
    architecture: { widths: [...hp.widths], activation: hp.activation, norm: hp.batchNorm ? "batch" : hp.layerNorm ? "layer" : "none" },
    // The model's inputs are these encoded features, in this order: numeric columns standardised, categories one-hot.
    inputs: [...data.inputs],
    encodings: data.encodings.map(
      (e) => e.kind === "numeric" ? { kind: e.kind, name: e.name, mean: e.mean, std: e.std } : { kind: e.kind, name: e.name, categories: [...e.categories] }
    ),
    outputs: data.task === "classification" ? { probabilities: [...data.classes] } : { prediction: data.target }
  };
}
async function readTabularData(spec, opts) {
  const limit = opts.maxDataBytes ?? MAX_DATA_BYTES;
  const data = await readData(spec.data, limit);
  const validation = spec.validation === void 0 ? void 0 : await readData(spec.validation, limit);
  let held = validation === void 0 ? { data } : { data, validation };
  const hashes = fileHashes(data, validation);
  const bytes = () => held ??= readAgain(spec, hashes);
  const made = [];
  const prepare = (fraction) => {
    const p = prepareOnce(opts.prepared ?? [], { ...spec, validationSplit: fraction }, hashes, bytes);
    made.push(p);
    return p.data;
  };
  const splits = /* @__PURE__ */ new Map();
  const dataFor = (fraction) => {
    let p = splits.get(fraction);
    if (!p) {
      splits.set(fraction, p = withTargets(fraction === spec.validationSplit ? prepare(fraction) : resplit(fraction, prepare)));
      if (fraction === spec.validationSplit) held = void 0;
    }
    return p;
  };
  let scored;
  let estimate;
  return {
    hashes,
    data: () => dataFor(spec.validationSplit).data,
    dataFor,
    validationRows() {
      const ready = splits.get(spec.validationSplit);
      if (ready) return ready.data.validationRows;
      scored ??= validationRowsOf(spec, bytes().data, bytes().validation);
      return scored;
    },
    // Asked for before anything trains (the default `parallel`), while the bytes are still held.
    estimate: () => estimate ??= estimateShape(spec, bytes().data),
    prepared: () => {
      const first = dataFor(spec.validationSplit).data;
      return [...made].sort((a, b) => Number(b.data === first) - Number(a.data === first));
    }
  };
}
function readAgain(spec, hashes) {
  const read = (file) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new DatasetError({ file }, `cannot be read: ${errorText(err)}`);
    }
  };
  const data = read(spec.data);
  const validation = spec.validation === void 0 ? void 0 : read(spec.validation);
  const again = fileHashes(data, validation);
  if (again.data !== hashes.data || again.validation !== hashes.validation)
    throw new DatasetError({ file: spec.data }, "changed while the sweep ran (its trials are keyed by the bytes read at the start)");
  return validation === void 0 ? { data } : { data, validation };
}
function withTargets(data) {
  return { data, standardisedTargets: Float64Array.from(data.train.targets ?? [], (v) => (v - data.targetMean) / data.targetStd) };
}
function resplit(fraction, prepare) {
  try {
    return prepare(fraction);
  } catch (err) {
    if (err instanceof DatasetError) throw new TrialError(`validation_split ${fraction}: ${err.message}`);
    throw err;
  }
}
var MAX_DATA_BYTES = 100 * 1024 * 1024;
async function readData(file, limit) {
  try {
    const size = (await stat(file)).size;
    if (size > limit)
      throw new DatasetError(
        { file },
        `is ${megabytes(size)}, more than the built-in trainer reads (${megabytes(limit)}): sample the data down, or train with a program`
      );
    return await readFile2(file);
  } catch (err) {
    if (err instanceof DatasetError) throw err;
    throw new DatasetError({ file }, `cannot be read: ${errorText(err)}`);
  }
}
function megabytes(bytes) {
  return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
}
function tabularFingerprintOf(spec, hashes) {
  const dataHash = hashes.data;
  const validationHash = hashes.validation ?? null;
  const { validationSplit, splitSeed = 0, ...rest } = spec;
  return hashJson({
    kind: "sweepgate-tabular-mlp",
    version: TABULAR_TRAINER_VERSION,
    // validation_split means nothing once a validation file is given
    spec: {
      ...rest,
      ...validationHash === null ? { validationSplit, splitSeed } : {},
      data: dataHash,
      validation: validationHash ?? void 0
    },
    data: dataHash,
    validation: validationHash
  });
}

// src/trainer/nn/conv.ts
var convSide = (side, k, s, padding) => padding === "same" ? Math.ceil(side / s) : Math.floor((side - k) / s) + 1;
function convGeometry(inputShape, conv) {
  let [h, w, c] = inputShape;
  return conv.filters.map((filters, i) => {
    const input = [h, w, c];
    const at2 = `conv layer ${i + 1}'s input (${h}\xD7${w}${i === 0 ? `, trainer.input_shape ${show(inputShape)}` : ""})`;
    if (conv.strides > Math.min(h, w)) throw new TrialError(`strides ${conv.strides} is larger than ${at2}`);
    if (conv.padding === "valid" && conv.kernelSize > Math.min(h, w))
      throw new TrialError(
        `kernel_size ${conv.kernelSize} is larger than ${at2} with padding valid (use padding same, fewer conv_layers or a smaller window)`
      );
    h = convSide(h, conv.kernelSize, conv.strides, conv.padding);
    w = convSide(w, conv.kernelSize, conv.strides, conv.padding);
    if (conv.pooling !== "none") {
      h = Math.ceil(h / 2);
      w = Math.ceil(w / 2);
    }
    c = filters;
    return { in: input, out: [h, w, c] };
  });
}
function buildConvNet(dense, conv, inputShape, outputs, seed) {
  const geometry = convGeometry(inputShape, conv);
  const [fh, fw, fc] = geometry.at(-1)?.out ?? inputShape;
  const mlp = buildMlp(dense, fh * fw * fc, outputs, seed);
  let offset = mlp.params.length;
  const k = conv.kernelSize;
  const inits = [];
  const layers = geometry.map((g, i) => {
    const inC = g.in[2];
    const filters = g.out[2];
    const size = k * k * inC * filters;
    const kernel = { offset, size, shape: [k * k * inC, filters], shape4: [k, k, inC, filters] };
    inits.push({
      offset,
      values: initialKernel(dense.kernelInitializer, k * k * inC, k * k * filters, new Rng(deriveSeed(seed, "init", "conv", i)), size)
    });
    offset += size;
    const bias = { offset, size: filters, shape: [filters] };
    offset += filters;
    return { kernel, bias, in: g.in, out: g.out };
  });
  const params = new Float32Array(offset);
  params.set(mlp.params);
  for (const { offset: at2, values } of inits) params.set(values, at2);
  const head = { ...mlp, params, kernels: [...mlp.kernels, ...layers.map((l) => l.kernel)] };
  return { inputShape, layers, head, pooling: conv.pooling, strides: conv.strides, padding: conv.padding };
}
function headWeights(tf, head, p) {
  return weightsOf(head, (b) => tf.reshape(tf.slice(p, b.offset, b.size), [...b.shape]));
}
function convForward(tf, net, activation, p, x, training, from = 0) {
  const h = convFeatures(tf, net, activation, p, x, from, net.layers.length);
  const flat = tf.reshape(h, [x.shape[0], -1]);
  return forward(tf, net.head, headWeights(tf, net.head, p), activation, flat, training);
}
function convFeatures(tf, net, activation, p, x, from, to) {
  let h = x;
  for (const layer of net.layers.slice(from, to)) {
    const kernel = tf.reshape(tf.slice(p, layer.kernel.offset, layer.kernel.size), [...layer.kernel.shape4]);
    const bias = tf.slice(p, layer.bias.offset, layer.bias.size);
    h = activate(tf, activation, tf.add(tf.conv2d(h, kernel, net.strides, net.padding), bias));
    if (net.pooling === "max") h = tf.maxPool(h, 2, 2, "same");
    else if (net.pooling === "avg") h = tf.avgPool(h, 2, 2, "same");
  }
  return h;
}
function convPredict(tf, net, activation, x, rows) {
  return convForward(tf, net, activation, tf.tensor1d(net.head.params), tf.tensor4d(x, [rows, ...net.inputShape]));
}
function convMacsPerImage(net) {
  let macs = 0;
  for (const layer of net.layers) {
    const [k, , inC, filters] = layer.kernel.shape4;
    const [h, w] = layer.in;
    const outH = net.padding === "same" ? Math.ceil(h / net.strides) : Math.floor((h - k) / net.strides) + 1;
    const outW = net.padding === "same" ? Math.ceil(w / net.strides) : Math.floor((w - k) / net.strides) + 1;
    macs += outH * outW * k * k * inC * filters;
  }
  for (const kernel of net.head.kernels.slice(0, net.head.kernels.length - net.layers.length)) macs += kernel.size;
  return macs;
}

// src/trainer/nn/im2col.ts
function convWindow(inShape, k, s, padding) {
  const [h, w, c] = inShape;
  const outH = padding === "same" ? Math.ceil(h / s) : Math.floor((h - k) / s) + 1;
  const outW = padding === "same" ? Math.ceil(w / s) : Math.floor((w - k) / s) + 1;
  const top = padding === "same" ? Math.floor(Math.max((outH - 1) * s + k - h, 0) / 2) : 0;
  const left = padding === "same" ? Math.floor(Math.max((outW - 1) * s + k - w, 0) / 2) : 0;
  return { h, w, c, k, s, top, left, outH, outW };
}
function im2colT(x, n, g) {
  const { h, w, c, k, s, top, left, outH, outW } = g;
  const positions = n * outH * outW;
  const colsT = new Float32Array(k * k * c * positions);
  for (let kh = 0; kh < k; kh++) {
    for (let kw = 0; kw < k; kw++) {
      for (let ci = 0; ci < c; ci++) {
        let at2 = ((kh * k + kw) * c + ci) * positions;
        for (let b = 0; b < n; b++) {
          for (let oy = 0; oy < outH; oy++) {
            const iy = oy * s - top + kh;
            if (iy < 0 || iy >= h) {
              at2 += outW;
              continue;
            }
            const rowBase = (b * h + iy) * w;
            for (let ox = 0; ox < outW; ox++, at2++) {
              const ix = ox * s - left + kw;
              if (ix >= 0 && ix < w) colsT[at2] = x[(rowBase + ix) * c + ci];
            }
          }
        }
      }
    }
  }
  return colsT;
}
function col2im(dCols, n, g) {
  const { h, w, c, k, s, top, left, outH, outW } = g;
  const width = k * k * c;
  const dx = new Float32Array(n * h * w * c);
  let row = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, row++) {
        for (let kh = 0; kh < k; kh++) {
          const iy = oy * s - top + kh;
          if (iy < 0 || iy >= h) continue;
          for (let kw = 0; kw < k; kw++) {
            const ix = ox * s - left + kw;
            if (ix < 0 || ix >= w) continue;
            const to = ((b * h + iy) * w + ix) * c;
            const from = row * width + (kh * k + kw) * c;
            for (let ci = 0; ci < c; ci++) dx[to + ci] = dx[to + ci] + dCols[from + ci];
          }
        }
      }
    }
  }
  return dx;
}
function maxPool2x2Backward(a, dOut, n, h, w, c) {
  const dA = new Float32Array(n * h * w * c);
  const ph = Math.ceil(h / 2);
  const pw = Math.ceil(w / 2);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let py = 0; py < ph; py++) {
      const rows = Math.min(2, h - 2 * py);
      for (let px = 0; px < pw; px++) {
        const cols = Math.min(2, w - 2 * px);
        const base = ((b * h + 2 * py) * w + 2 * px) * c;
        for (let ci = 0; ci < c; ci++, o++) {
          let best = base + ci;
          for (let dy = 0; dy < rows; dy++)
            for (let dx = 0; dx < cols; dx++) {
              const i = base + (dy * w + dx) * c + ci;
              if (a[i] > a[best]) best = i;
            }
          dA[best] = dA[best] + dOut[o];
        }
      }
    }
  }
  return dA;
}
function avgPool2x2Backward(dOut, n, h, w, c) {
  const dA = new Float32Array(n * h * w * c);
  const ph = Math.ceil(h / 2);
  const pw = Math.ceil(w / 2);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let py = 0; py < ph; py++) {
      const rows = Math.min(2, h - 2 * py);
      for (let px = 0; px < pw; px++) {
        const cols = Math.min(2, w - 2 * px);
        const base = ((b * h + 2 * py) * w + 2 * px) * c;
        const count = rows * cols;
        for (let ci = 0; ci < c; ci++, o++) {
          const share = dOut[o] / count;
          for (let dy = 0; dy < rows; dy++) for (let dx = 0; dx < cols; dx++) dA[base + (dy * w + dx) * c + ci] = share;
        }
      }
    }
  }
  return dA;
}
function maxPoolReluBackward(a, dOut, n, h, w, c, out) {
  const { nhwc, hwnc } = out;
  const sums = new Float64Array(c);
  const ph = Math.ceil(h / 2);
  const pw = Math.ceil(w / 2);
  const [right, down] = [c, w * c];
  const [rightT, downT] = [n * c, w * n * c];
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let py = 0; py < ph; py++) {
      const rows = Math.min(2, h - 2 * py);
      for (let px = 0; px < pw; px++) {
        const cols = Math.min(2, w - 2 * px);
        const base = ((b * h + 2 * py) * w + 2 * px) * c;
        const baseT = ((2 * py * w + 2 * px) * n + b) * c;
        for (let ci = 0; ci < c; ci++, o++) {
          let best = base + ci;
          let bestT = baseT + ci;
          let max = a[best];
          if (rows === 2 && cols === 2) {
            const i0 = best;
            const v1 = a[i0 + right];
            if (v1 > max) {
              best = i0 + right;
              bestT = baseT + ci + rightT;
              max = v1;
            }
            const v2 = a[i0 + down];
            if (v2 > max) {
              best = i0 + down;
              bestT = baseT + ci + downT;
              max = v2;
            }
            const v3 = a[i0 + down + right];
            if (v3 > max) {
              best = i0 + down + right;
              bestT = baseT + ci + downT + rightT;
              max = v3;
            }
          } else {
            for (let dy = 0; dy < rows; dy++)
              for (let dx = 0; dx < cols; dx++) {
                const i = base + dy * down + dx * right + ci;
                if (a[i] > max) {
                  best = i;
                  bestT = baseT + ci + dy * downT + dx * rightT;
                  max = a[i];
                }
              }
          }
          if (max > 0) {
            const g = dOut[o];
            if (nhwc) nhwc[best] = g;
            if (hwnc) hwnc[bestT] = g;
            sums[ci] = sums[ci] + g;
          }
        }
      }
    }
  }
  return Float32Array.from(sums);
}
function hwncFromNhwc(values, n, h, w, c) {
  const out = new Float32Array(n * h * w * c);
  let from = 0;
  for (let b = 0; b < n; b++)
    for (let p = 0; p < h * w; p++, from += c) {
      const to = (p * n + b) * c;
      for (let ci = 0; ci < c; ci++) out[to + ci] = values[from + ci];
    }
  return out;
}
function channelSums(values, c) {
  const sums = new Float64Array(c);
  for (let i = 0; i < values.length; i += c) for (let ci = 0; ci < c; ci++) sums[ci] = sums[ci] + values[i + ci];
  return Float32Array.from(sums);
}
function flippedKernel(kernel, k, inC, outC) {
  const flipped = new Float32Array(k * k * inC * outC);
  for (let kh = 0; kh < k; kh++)
    for (let kw = 0; kw < k; kw++)
      for (let ci = 0; ci < inC; ci++)
        for (let co = 0; co < outC; co++)
          flipped[(((k - 1 - kh) * k + (k - 1 - kw)) * outC + co) * inC + ci] = kernel[((kh * k + kw) * inC + ci) * outC + co];
  return flipped;
}

// src/trainer/nn/conv-step.ts
var kernelsFor = (tf) => {
  const backend = tf.getBackend();
  return backend === "tensorflow" ? "native" : backend === "wasm" ? "conv" : "im2col";
};
function convStep(tf, net, activation, batch, grads, options = {}) {
  const frozen = frozenLayersOf(net, options.frozenLayers ?? 0);
  const kernels = options.kernels ?? kernelsFor(tf);
  const raw = kernels === "native" ? rawGradients(tf) : void 0;
  let loss = Number.NaN;
  let logits = new Float32Array(0);
  let stats = [];
  tf.tidy(() => {
    const passes = [];
    let h = tf.tensor4d(batch.x, [batch.rows, ...net.inputShape]);
    for (const layer of net.layers) {
      const pass = forwardPass(tf, net, layer, activation, h, raw);
      passes.push(pass);
      h = pass.output;
    }
    const flat = h.dataSync();
    const dHead = frozen < net.layers.length ? new Float32Array(flat.length) : void 0;
    const lossGradient = (out) => {
      logits = Float32Array.from(out);
      const ce = softmaxCrossEntropy(out, batch.labels, batch.classes);
      loss = ce.loss;
      return ce.gradient;
    };
    stats = backprop(opsFor(tf), net.head, activation, { x: flat, rows: batch.rows, masks: batch.masks }, lossGradient, grads, dHead);
    let dOut = dHead;
    for (let i = net.layers.length - 1; i >= frozen && dOut; i--) {
      const layer = net.layers[i];
      const pass = passes[i];
      const below = i > frozen;
      const back = kernels === "native" ? nativeBackward(tf, net, raw, activation, pass, asTensor(tf, dOut, pass.output.shape), below) : jsBackward(tf, net, kernels, layer, activation, pass, asArray(dOut), below);
      grads.set(back.dW.dataSync(), layer.kernel.offset);
      grads.set(back.dB instanceof Float32Array ? back.dB : back.dB.dataSync(), layer.bias.offset);
      dOut = back.dX;
    }
    for (const layer of net.layers.slice(0, frozen)) grads.fill(0, layer.kernel.offset, layer.bias.offset + layer.bias.size);
    zeroFrozenHead(net, frozen, grads);
  });
  return { loss, logits, stats };
}
function frozenLayersOf(net, k) {
  const layers = net.layers.length + net.head.hidden.length;
  if (!Number.isInteger(k) || k < 0 || k > layers)
    throw new TrialError(`freeze_layers must be a whole number from 0 to ${layers} (conv and hidden layers below the output), got ${k}`);
  return k;
}
function zeroFrozenHead(net, frozen, grads) {
  for (let i = 0; i < frozen - net.layers.length; i++) {
    const hidden = net.head.hidden[i];
    for (const block of [hidden.kernel, hidden.bias, hidden.bn?.gamma, hidden.bn?.beta, hidden.ln?.gamma, hidden.ln?.beta])
      if (block) grads.fill(0, block.offset, block.offset + block.size);
  }
}
function forwardPass(tf, net, layer, activation, input, raw) {
  const p = net.head.params;
  const kernel = tf.tensor4d(p.subarray(layer.kernel.offset, layer.kernel.offset + layer.kernel.size), [...layer.kernel.shape4]);
  const bias = tf.tensor1d(p.subarray(layer.bias.offset, layer.bias.offset + layer.bias.size));
  if (raw && activation === "relu" && net.pooling === "max") {
    const z2 = tf.fused.conv2d({ x: input, filter: kernel, strides: net.strides, pad: net.padding, bias });
    const pooled = tf.maxPool(z2, 2, 2, "same");
    return { input, kernel, z: z2, a: pooled, output: tf.relu(pooled), poolFirst: true };
  }
  const fused = activation === "relu" ? "relu" : "linear";
  const z = tf.fused.conv2d({ x: input, filter: kernel, strides: net.strides, pad: net.padding, bias, activation: fused });
  const a = fused === activation ? z : activate(tf, activation, z);
  const output = net.pooling === "max" ? tf.maxPool(a, 2, 2, "same") : net.pooling === "avg" ? tf.avgPool(a, 2, 2, "same") : a;
  return { input, kernel, z, a, output, poolFirst: false };
}
var asTensor = (tf, g, shape) => g instanceof Float32Array ? tf.tensor4d(g, shape) : g;
var asArray = (g) => g instanceof Float32Array ? g : g.dataSync();
var POOL_ATTRS = { filterSize: 2, strides: 2, pad: "same" };
function nativeBackward(tf, net, raw, activation, pass, dOut, below) {
  let dZ;
  let dB;
  if (pass.poolFirst && raw) {
    const dPooled = raw.reluGrad(dOut, pass.output);
    dB = raw.biasAddGrad(dPooled);
    dZ = tf.engine().runKernel("MaxPoolGrad", { dy: dPooled, input: pass.z, output: pass.a }, POOL_ATTRS);
  } else {
    const dA = net.pooling === "max" ? tf.engine().runKernel("MaxPoolGrad", { dy: dOut, input: pass.a, output: pass.output }, POOL_ATTRS) : net.pooling === "avg" ? tf.engine().runKernel("AvgPoolGrad", { dy: dOut, input: pass.a }, POOL_ATTRS) : dOut;
    dZ = activation === "relu" && raw ? raw.reluGrad(dA, pass.a) : activationGradient(tf, activation, dA, pass.z, pass.a);
    dB = raw ? raw.biasAddGrad(dZ) : tf.sum(dZ, [0, 1, 2]);
  }
  const dW = tf.engine().runKernel(
    "Conv2DBackpropFilter",
    { x: pass.input, dy: dZ },
    { strides: net.strides, pad: net.padding, dataFormat: "NHWC", filterShape: pass.kernel.shape }
  );
  const dX = below ? tf.conv2dTranspose(dZ, pass.kernel, pass.input.shape, net.strides, net.padding) : void 0;
  return { dW, dB, dX };
}
function jsBackward(tf, net, kernels, layer, activation, pass, dOut, below) {
  const [n, h, w, c] = pass.a.shape;
  const [k, , inC] = pass.kernel.shape;
  const window2 = convWindow([pass.input.shape[1], pass.input.shape[2], inC], k, net.strides, net.padding);
  const asConv = kernels === "conv" && net.strides === 1;
  const { dZ, dB } = poolActivationBackward(net.pooling, activation, pass, dOut, { nhwc: !asConv || below, hwnc: asConv });
  if (asConv) {
    const p = net.head.params.subarray(layer.kernel.offset, layer.kernel.offset + layer.kernel.size);
    return {
      dW: convFilterGradient(tf, window2, pass.input, tf.tensor4d(dZ.hwnc, [h, w, n, c])),
      dB,
      dX: below ? convInputGradient(tf, window2, p, tf.tensor4d(dZ.nhwc, pass.a.shape), inC) : void 0
    };
  }
  return { ...unfoldedGradients(tf, window2, pass, tf.tensor4d(dZ.nhwc, pass.a.shape), below), dB };
}
function poolActivationBackward(pooling, activation, pass, dOut, want) {
  const [n, h, w, c] = pass.a.shape;
  const a = pass.a.dataSync();
  if (pooling === "max" && activation === "relu") {
    const dZ = {
      nhwc: want.nhwc ? new Float32Array(a.length) : void 0,
      hwnc: want.hwnc ? new Float32Array(a.length) : void 0
    };
    return { dZ, dB: maxPoolReluBackward(a, dOut, n, h, w, c, dZ) };
  }
  const dA = pooling === "max" ? maxPool2x2Backward(a, dOut, n, h, w, c) : pooling === "avg" ? avgPool2x2Backward(dOut, n, h, w, c) : dOut;
  const nhwc = activationBackward(activation, dA, activation === "softplus" ? pass.z.dataSync() : a, a);
  return { dZ: { nhwc, hwnc: want.hwnc ? hwncFromNhwc(nhwc, n, h, w, c) : void 0 }, dB: channelSums(nhwc, c) };
}
function convFilterGradient(tf, g, input, dZhwnc) {
  const bottom = g.k + g.outH - 1 - g.h - g.top;
  const right = g.k + g.outW - 1 - g.w - g.left;
  const pad = [
    [0, 0],
    [g.top, bottom],
    [g.left, right],
    [0, 0]
  ];
  const dWt = tf.conv2d(tf.transpose(input, [3, 1, 2, 0]), dZhwnc, 1, pad);
  return tf.transpose(dWt, [1, 2, 0, 3]);
}
function convInputGradient(tf, g, kernel, dZ, inC) {
  const filters = dZ.shape[3];
  const bottom = g.outH - 1 + g.k - g.h - g.top;
  const right = g.outW - 1 + g.k - g.w - g.left;
  const pad = [
    [0, 0],
    [g.k - 1 - g.top, g.k - 1 - bottom],
    [g.k - 1 - g.left, g.k - 1 - right],
    [0, 0]
  ];
  const flipped = tf.tensor4d(flippedKernel(kernel, g.k, inC, filters), [g.k, g.k, filters, inC]);
  return tf.conv2d(dZ, flipped, 1, pad);
}
function unfoldedGradients(tf, g, pass, dZ, below) {
  const [n] = pass.input.shape;
  const [k, , inC, filters] = pass.kernel.shape;
  const taps = k * k * inC;
  const positions = n * g.outH * g.outW;
  const dZ2 = tf.reshape(dZ, [positions, filters]);
  const dW = tf.matMul(tf.tensor2d(im2colT(pass.input.dataSync(), n, g), [taps, positions]), dZ2);
  if (!below) return { dW };
  const wT = tf.transpose(tf.reshape(pass.kernel, [taps, filters]));
  const dCols = tf.matMul(dZ2, wT).dataSync();
  return { dW, dX: tf.tensor4d(col2im(dCols, n, g), pass.input.shape) };
}
function softmaxCrossEntropy(out, labels, classes) {
  const rows = labels.length;
  const gradient = new Float32Array(out.length);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let max = -Infinity;
    for (let j = 0; j < classes; j++) max = Math.max(max, out[base + j]);
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(out[base + j] - max);
    loss += max + Math.log(sum) - out[base + labels[r]];
    for (let j = 0; j < classes; j++) gradient[base + j] = (Math.exp(out[base + j] - max) / sum - (j === labels[r] ? 1 : 0)) / rows;
  }
  return { loss: loss / rows, gradient };
}

// src/trainer/image/image-fine-tune.ts
function keepsOutputLayer(base, inputShape, classes) {
  const at2 = displayPath(base.file);
  if (show(base.inputShape) !== show(inputShape))
    throw new ConfigError(
      "trainer.base_model",
      `${at2} takes images of shape ${show(base.inputShape)} ([height, width, channels]), but trainer.input_shape is ${show(inputShape)}: fine-tune on images of the shape it was trained on`
    );
  if (!base.classes) return base.output.units === classes.length;
  if (show(base.classes) === show(classes)) return true;
  const shared = base.classes.filter((c) => classes.includes(c));
  if (shared.length === 0) return false;
  throw new ConfigError(
    "trainer.base_model",
    `${at2} was trained on ${base.classes.length} classes ${show(base.classes)} and the data has ${classes.length} classes ${show(classes)}: they share ${show(shared)} but are not the same, so its output layer neither fits nor is new (fine-tune on exactly its classes to keep the output layer, or on classes it has not seen for a new one)`
  );
}
function fromImageBaseModel(base, hp, classes, keepOutput, seed) {
  const dense = baseArchitecture(base, hp);
  const { layers, ...settings } = base.conv;
  const conv = { ...settings, filters: layers.map((l) => l.filters) };
  const total = layers.length + dense.widths.length;
  if (hp.freezeLayers > total)
    throw new TrialError(
      `freeze_layers ${hp.freezeLayers} is more than the base model's ${layers.length} conv and ${dense.widths.length} hidden layers (the output layer always trains)`
    );
  const net = buildConvNet(dense, conv, base.inputShape, classes, seed);
  setBaseWeights(base, net.head, keepOutput, "classification", { mean: 0, std: 1 });
  layers.forEach((l, i) => {
    net.head.params.set(l.kernel, net.layers[i].kernel.offset);
    net.head.params.set(l.bias, net.layers[i].bias.offset);
  });
  return { net, dense, conv };
}
function imageFineTune(net, hp, newHead) {
  const frozenConv = Math.min(hp.freezeLayers, net.layers.length);
  const frozenDense = hp.freezeLayers - frozenConv;
  const convStart = net.layers[0]?.kernel.offset ?? net.head.params.length;
  const head = { ...net.head, params: net.head.params.subarray(0, convStart) };
  const { segments } = fineTuneSegments(head, { ...hp, freezeLayers: frozenDense }, newHead);
  const lastFrozen = net.layers[frozenConv - 1];
  const convFrom = lastFrozen ? lastFrozen.bias.offset + lastFrozen.bias.size : convStart;
  const end = net.head.params.length;
  const fine = hp.fineTuneLearningRate > 0 ? hp.fineTuneLearningRate / hp.learningRate : 1;
  const convSegment = end > convFrom ? [{ from: convFrom, to: end, rateFactor: fine, optimizer: createOptimizer(hp, end - convFrom) }] : [];
  return { frozenConv, frozenDense, segments: [...segments, ...convSegment] };
}

// src/trainer/image/image-model-file.ts
import { readFile as readFile3 } from "node:fs/promises";
import path2 from "node:path";
function toImageLayersModel(tf, net, hp) {
  const { add, done } = layerAdder(tf);
  const p = net.head.params;
  const inputShape = [...net.inputShape];
  const inline = hp.activation !== "leaky_relu";
  net.layers.forEach((layer, i) => {
    const [k, , , filters] = layer.kernel.shape4;
    const conv = tf.layers.conv2d({
      filters,
      kernelSize: k,
      strides: net.strides,
      padding: net.padding,
      activation: inline ? kerasActivation(hp.activation) : "linear",
      name: `conv_${i}`,
      ...i === 0 ? { inputShape } : {}
    });
    const kernel = p.slice(layer.kernel.offset, layer.kernel.offset + layer.kernel.size);
    add(conv, tf.tensor(kernel, [...layer.kernel.shape4]), tf.tensor(p.slice(layer.bias.offset, layer.bias.offset + filters), [filters]));
    if (!inline) add(tf.layers.leakyReLU({ alpha: LEAKY_RELU_ALPHA, name: `conv_${i}_activation` }));
    const pool = { poolSize: 2, strides: 2, padding: "same", name: `conv_${i}_pooling` };
    if (net.pooling === "max") add(tf.layers.maxPooling2d(pool));
    else if (net.pooling === "avg") add(tf.layers.averagePooling2d(pool));
  });
  add(tf.layers.flatten({ name: "flatten", ...net.layers.length === 0 ? { inputShape } : {} }));
  addMlpLayers(tf, add, net.head, hp, void 0, "classification", { mean: 0, std: 1 });
  return done();
}
var POOLING_LAYERS = { MaxPooling2D: "max", AveragePooling2D: "avg" };
async function readImageBaseModel(fileOrDir) {
  const { file, bytes, layers, weightsOf: weightsOf2, fail } = await readLayersFile(fileOrDir);
  const flattenAt = layers.findIndex((l) => l.class_name === "Flatten");
  if (flattenAt < 0)
    fail("has no Flatten layer: the image trainer fine-tunes its own conv nets (Conv2D and pooling layers, a Flatten, then Dense layers)");
  const conv = readConvLayers(layers.slice(0, flattenAt + 1), weightsOf2, fail);
  const geometry = convGeometry(conv.inputShape, { ...conv, filters: conv.layers.map((l) => l.filters) });
  const [h, w, c] = geometry.at(-1)?.out ?? conv.inputShape;
  const head = readLayers(layers.slice(flattenAt + 1), weightsOf2, fail, h * w * c);
  const first = head.hidden[0] ?? head.output;
  if (first.kernel.length !== h * w * c * first.units)
    fail(`its first Dense layer's kernel has ${first.kernel.length} values, not the Flatten's ${h * w * c} \xD7 ${first.units}`);
  if (head.hidden.length > 0 && conv.activation !== void 0 && head.activation !== conv.activation)
    fail(`its conv layers use ${conv.activation} and its dense layers ${head.activation}; the trainer uses one activation`);
  if (head.task !== "classification") fail("does not end in a softmax: the image trainer does classification only");
  const card = await readCard(file);
  if (card.classes && card.classes.length !== head.output.units)
    fail(`its model-card.json lists ${card.classes.length} classes, but its output layer has ${head.output.units} units`);
  const activation = head.hidden.length > 0 ? head.activation : conv.activation ?? head.activation;
  return {
    file,
    bytes: [...bytes, ...card.bytes ? [card.bytes] : []],
    ...head,
    activation,
    inputShape: conv.inputShape,
    conv: { kernelSize: conv.kernelSize, strides: conv.strides, padding: conv.padding, pooling: conv.pooling, layers: conv.layers },
    ...card.classes ? { classes: card.classes } : {}
  };
}
function readConvLayers(layers, weightsOf2, fail) {
  const shape = layers[0]?.config.batch_input_shape ?? layers[0]?.config.batchInputShape;
  if (shape?.length !== 4 || shape.slice(1).some((d) => typeof d !== "number"))
    fail(`its first layer must take images (batch_input_shape [null, height, width, channels]), got ${show(shape ?? null)}`);
  const walk = {
    inputShape: shape.slice(1),
    kernelSize: 0,
    strides: 1,
    padding: "same",
    pooling: "none",
    layers: []
  };
  const seen = { pooled: 0, settings: /* @__PURE__ */ new Set() };
  layers.forEach((layer, i) => {
    const c = layer.config;
    const at2 = `layer ${i + 1} (${layer.class_name} ${show(String(c.name))})`;
    if (layer.class_name === "Conv2D") return readConv2d(walk, seen.settings, layer, at2, weightsOf2, fail);
    if (layer.class_name in POOLING_LAYERS) {
      const pool = POOLING_LAYERS[layer.class_name];
      if (show(c.pool_size) !== show([2, 2]) || show(c.strides) !== show([2, 2]) || c.padding !== "same")
        fail(
          `${at2}: the trainer pools 2\xD72 with stride 2 and padding same, got pool_size ${show(c.pool_size)}, strides ${show(c.strides)}, padding ${show(c.padding)}`
        );
      if (seen.pooled > 0 && walk.pooling !== pool) fail(`${at2}: the conv layers pool differently; the trainer pools all alike`);
      walk.pooling = pool;
      seen.pooled++;
      return;
    }
    if (layer.class_name === "LeakyReLU") {
      if (Math.abs(Number(c.alpha) - LEAKY_RELU_ALPHA) > 1e-6)
        fail(`${at2}: alpha ${String(c.alpha)} differs from the trainer's ${LEAKY_RELU_ALPHA}`);
      return void (walk.activation = "leaky_relu");
    }
    if (layer.class_name !== "Flatten")
      fail(`${at2} is not a layer the image trainer builds before its Flatten (Conv2D, LeakyReLU, MaxPooling2D, AveragePooling2D)`);
  });
  if (seen.pooled !== 0 && seen.pooled !== walk.layers.length)
    fail("only some of its conv layers are followed by pooling; the trainer pools after each or none");
  return walk;
}
function readConv2d(walk, settings, layer, at2, weightsOf2, fail) {
  const c = layer.config;
  const [k, k2] = c.kernel_size ?? [];
  const [s, s2] = c.strides ?? [1, 1];
  if (k === void 0 || k !== k2 || s !== s2)
    fail(`${at2}: the trainer's windows and strides are square, got kernel_size ${show(c.kernel_size)}, strides ${show(c.strides)}`);
  if ((c.data_format ?? "channels_last") !== "channels_last") fail(`${at2}: data_format must be channels_last, got ${show(c.data_format)}`);
  if (show(c.dilation_rate ?? [1, 1]) !== show([1, 1]))
    fail(`${at2}: the trainer does not dilate, got dilation_rate ${show(c.dilation_rate)}`);
  if (c.use_bias === false) fail(`${at2}: the trainer's conv layers have a bias (use_bias true)`);
  const act = String(c.activation ?? "linear");
  if (act !== "linear") walk.activation = activationOf(act, at2, fail);
  settings.add(`${k}/${s}/${String(c.padding)}`);
  if (settings.size > 1) fail(`${at2}: its conv layers differ in kernel_size, strides or padding; the trainer's are all alike`);
  walk.kernelSize = k;
  walk.strides = s;
  walk.padding = c.padding === "valid" ? "valid" : "same";
  const filters = Number(c.filters);
  const inC = walk.layers.at(-1)?.filters ?? walk.inputShape[2];
  const kernel = weightsOf2(layer, "kernel");
  if (kernel.length !== k * k * inC * filters) fail(`${at2}: its kernel has ${kernel.length} values, not ${k}\xD7${k}\xD7${inC}\xD7${filters}`);
  walk.layers.push({ kernel, bias: weightsOf2(layer, "bias"), filters });
}
function activationOf(keras, at2, fail) {
  return trainerActivation(keras) ?? fail(`${at2}: activation ${show(keras)} is not one the trainer has`);
}
async function readCard(file) {
  const cardFile = path2.join(path2.dirname(file), "model-card.json");
  let bytes;
  try {
    bytes = await readFile3(cardFile);
  } catch {
    return {};
  }
  try {
    const card = JSON.parse(Buffer.from(bytes).toString("utf8"));
    const classes = card.outputs?.probabilities;
    return Array.isArray(classes) ? { bytes, classes: classes.map(String) } : { bytes };
  } catch (err) {
    throw new BaseModelError({ file: cardFile }, `is not JSON: ${errorText(err)}`);
  }
}

// src/trainer/image/image-model-card.ts
function saveImageModel(tf, trial, card, dir) {
  return saveWithCard(tf, toImageLayersModel(tf, trial.net, trial.dense), card, dir);
}
function imageModelCard(trial, trainerVersion, params, seed, metrics, fingerprint, spec, extra) {
  const { data, dense, conv } = trial;
  return {
    format: "sweepgate-model-card-1",
    trainer: "image",
    trainerVersion,
    task: "classification",
    ...spec.target !== void 0 ? { target: spec.target } : {},
    ...extra,
    params,
    seed,
    metrics,
    fingerprint,
    architecture: {
      conv: {
        filters: [...conv.filters],
        kernelSize: conv.kernelSize,
        strides: conv.strides,
        padding: conv.padding,
        pooling: conv.pooling
      },
      widths: [...dense.widths],
      activation: dense.activation,
      norm: dense.batchNorm ? "batch" : dense.layerNorm ? "layer" : "none"
    },
    // The model takes images of this shape (height, width, channels), each value standardised: (v − mean) / std,
    // v as read (CSV values as written, image files 0..255).
    inputShape: [...data.shape],
    pixels: { mean: data.pixels.mean, std: data.pixels.std },
    outputs: { probabilities: [...data.classes] }
  };
}

// src/trainer/data/image-files.ts
var import_jpeg_js = __toESM(require_jpeg_js(), 1);
var import_pngjs = __toESM(require_png(), 1);
import { createHash as createHash3 } from "node:crypto";
import { readFile as readFile4, readdir, stat as stat2 } from "node:fs/promises";
import path3 from "node:path";
var IMAGE_EXTENSIONS = /* @__PURE__ */ new Set([".png", ".jpg", ".jpeg"]);
async function readImageSource(spec) {
  let isFolder;
  try {
    isFolder = (await stat2(spec.data)).isDirectory();
  } catch (err) {
    throw new DatasetError({ file: spec.data }, `cannot be read: ${errorText(err)}`);
  }
  if (isFolder) {
    if (spec.target !== void 0)
      throw new DatasetError(
        { file: spec.data },
        `is a folder of images, whose labels are its sub-folders: leave out trainer.target, got ${show(spec.target)}`
      );
    return readImageFolder(spec.data, spec.inputShape);
  }
  if (spec.target === void 0)
    throw new DatasetError(
      { file: spec.data },
      "is a CSV of pixels: trainer.target must name its label column (or give a folder with one sub-folder of images per class)"
    );
  return pixelCsv(spec.data, await readFile4(spec.data), spec.target, spec.inputShape);
}
function pixelCsv(file, bytes, target, shape) {
  const grid = scanCsv(file, bytes);
  checkGridInfinities(grid);
  const ti = grid.header.indexOf(target);
  if (ti < 0) throw new MissingColumnError(file, "target", target, grid.header);
  const columns = grid.header.map((_, i) => i).filter((i) => i !== ti && grid.header[i] !== "");
  const size = shape[0] * shape[1] * shape[2];
  if (columns.length !== size)
    throw new DatasetError(
      { file },
      `has ${columns.length} pixel columns (every column but ${show(target)}), but trainer.input_shape ${show(shape)} needs ${shape.join(" \xD7 ")} = ${size}`
    );
  const numbers = columns.map((c) => grid.numbers(c));
  const pixels = Array.from({ length: grid.rowCount }, (_, r) => {
    const out = new Float32Array(size);
    for (let j = 0; j < size; j++) {
      const v = numbers[j]?.[r];
      out[j] = v !== void 0 && Number.isFinite(v) ? v : pixelCell(grid, file, r, columns[j]);
    }
    return out;
  });
  const labels = Array.from({ length: grid.rowCount }, (_, r) => {
    const label = grid.text(r, ti);
    if (label === "")
      throw new DatasetError({ file, line: grid.lines[r], column: target }, `row has no value in target column ${show(target)}`);
    return label;
  });
  return { kind: "csv", labels, pixels, contentHash: createHash3("sha256").update(bytes).digest("hex") };
}
function pixelCell(grid, file, row, column) {
  const cell2 = grid.text(row, column);
  const v = Number(cell2);
  if (cell2 === "" || !Number.isFinite(v)) throw new NonNumericError(file, grid.lines[row], grid.header[column], cell2, "pixel");
  return v;
}
async function readImageFolder(root, shape) {
  const entries = await readdir(root, { withFileTypes: true });
  const classes = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort(byName);
  if (classes.length < 2)
    throw new DatasetError(
      { file: root },
      `needs one sub-folder of images per class, at least two; found ${classes.length === 0 ? "none" : show(classes)}`
    );
  const labels = [];
  const pixels = [];
  const content = createHash3("sha256");
  for (const label of classes) {
    const folder = path3.join(root, label);
    const files = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && IMAGE_EXTENSIONS.has(path3.extname(e.name).toLowerCase())).map((e) => e.name).sort(byName);
    if (files.length === 0) throw new EmptyDataError({ file: folder }, `class folder ${show(label)} holds no .png, .jpg or .jpeg files`);
    const read = batches(files, READ_AT_ONCE, (name) => readFile4(path3.join(folder, name)));
    for (const [i, name] of files.entries()) {
      const file = path3.join(folder, name);
      const bytes = await read(i);
      const hash = createHash3("sha256").update(bytes).digest("hex");
      content.update(`${label}/${name}\0${hash}\0`);
      labels.push(label);
      pixels.push(toInputShape(decodeImage(file, bytes), shape));
    }
  }
  return { kind: "folder", labels, pixels, contentHash: content.digest("hex") };
}
var byName = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var READ_AT_ONCE = 32;
function batches(items, size, load) {
  let start = -1;
  let batch = [];
  return (i) => {
    const want = Math.floor(i / size) * size;
    if (want !== start) {
      start = want;
      batch = items.slice(want, want + size).map(load);
      for (const p of batch) p.catch(() => {
      });
    }
    return batch[i - start];
  };
}
function decodeImage(file, bytes) {
  const isPng = bytes[0] === 137 && bytes[1] === 80 && bytes[2] === 78 && bytes[3] === 71;
  const isJpeg = bytes[0] === 255 && bytes[1] === 216;
  try {
    if (isPng) {
      const png = import_pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    if (isJpeg) {
      const img = import_jpeg_js.default.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch (err) {
    throw new DatasetError({ file }, `is not a readable ${isPng ? "PNG" : "JPEG"} image: ${errorText(err)}`);
  }
  throw new DatasetError(
    { file },
    `is neither a PNG nor a JPEG image (its first bytes are ${show(Buffer.from(bytes.subarray(0, 4)).toString("hex"))})`
  );
}
function toInputShape(img, [height, width, channels]) {
  const out = new Float32Array(height * width * channels);
  const sy = img.height / height;
  const sx = img.width / width;
  const at2 = (x, y, ch) => img.data[(y * img.width + x) * 4 + ch];
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, img.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const wx = fx - x0;
      const mix = (ch) => (1 - wy) * ((1 - wx) * at2(x0, y0, ch) + wx * at2(x1, y0, ch)) + wy * ((1 - wx) * at2(x0, y1, ch) + wx * at2(x1, y1, ch));
      const o = (y * width + x) * channels;
      if (channels === 1) out[o] = 0.299 * mix(0) + 0.587 * mix(1) + 0.114 * mix(2);
      else for (let ch = 0; ch < 3; ch++) out[o + ch] = mix(ch);
    }
  }
  return out;
}
function splitImages(source, file, fraction, seed, shape) {
  const numeric = source.labels.every((l) => l.trim() !== "" && Number.isFinite(Number(l)));
  const canon = (l) => numeric ? String(Number(l)) : l;
  const classes = [...new Set(source.labels.map(canon))].sort(numeric ? (a, b) => Number(a) - Number(b) : byName);
  if (classes.length < 2)
    throw new DatasetError({ file }, `classification needs at least two classes; the images have only ${show(classes)}`);
  const { train: train3, validation } = splitRows(source.labels.length, (row) => canon(source.labels[row]), fraction, seed);
  if (train3.length === 0 || validation.length === 0)
    throw new EmptyDataError(
      { file },
      `validation_split ${fraction} of ${source.labels.length} images leaves ${train3.length} training and ${validation.length} validation images`
    );
  const size = shape[0] * shape[1] * shape[2];
  let sum = 0;
  for (const i of train3) for (const v of source.pixels[i]) sum += v;
  const mean = sum / (train3.length * size);
  let ss = 0;
  for (const i of train3) for (const v of source.pixels[i]) ss += (v - mean) ** 2;
  const std = Math.sqrt(ss / (train3.length * size)) || 1;
  const index = new Map(classes.map((c, i) => [c, i]));
  const encode = (rows) => {
    const x = new Float32Array(rows.length * size);
    rows.forEach((r, i) => {
      const px = source.pixels[r];
      for (let j = 0; j < size; j++) x[i * size + j] = (px[j] - mean) / std;
    });
    return { n: rows.length, x, labels: Int32Array.from(rows, (r) => index.get(canon(source.labels[r]))) };
  };
  return { shape, classes, pixels: { mean, std }, train: encode(train3), validation: encode(validation) };
}

// src/trainer/image/image-objective.ts
var IMAGE_TRAINER_VERSION = 3;
var PREDICT_BATCH = 256;
async function createImageObjective(spec, first, opts = {}) {
  const splitSeed = opts.splitSeed ?? 0;
  const { baseModel: basePath, saveBest: _saveBest, ...plainSpec } = spec;
  const source = await readImageSource(spec);
  const splits = /* @__PURE__ */ new Map([
    [spec.validationSplit, splitImages(source, spec.data, spec.validationSplit, splitSeed, spec.inputShape)]
  ]);
  const classes = splits.get(spec.validationSplit).classes;
  const base = basePath === void 0 ? void 0 : await readImageBaseModel(basePath);
  const tuned = base && { base, keepOutput: keepsOutputLayer(base, spec.inputShape, classes) };
  const fingerprint = withBaseModel(imageFingerprint(plainSpec, source.contentHash, splitSeed), base, "image");
  const dataFor = (fraction) => {
    let d = splits.get(fraction);
    if (!d) splits.set(fraction, d = resplit2(source, spec, fraction, splitSeed));
    return d;
  };
  let disposed = false;
  let handle = first;
  const shape = trainerShape(spec);
  const hpFor = (params) => {
    const problem = givenHyperparameterProblem(params, spec.defaults, shape);
    if (problem !== void 0) throw new TrialError(problem);
    return parseImageHyperparameters(params, { validation_split: spec.validationSplit, ...spec.defaults });
  };
  return {
    fingerprint,
    get backend() {
      return handle.backend;
    },
    switchBackend(on) {
      handle = on;
    },
    async run(params, ctx) {
      if (disposed) throw new TrialError("the image objective was disposed", { transient: true });
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      await ensureBackend(handle);
      return (await train2(handle.tf, data, hp, ctx, spec.earlyStoppingMetric, tuned)).result;
    },
    async saveModel(params, seed, dir, card) {
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      await ensureBackend(handle);
      const ctx = { seed, report: () => false, signal: new AbortController().signal };
      const { trial, result } = await train2(handle.tf, data, hp, ctx, spec.earlyStoppingMetric, tuned);
      const about = { ...card, dataSha256: source.contentHash, ...base ? { baseModelSha256: base.bytes.map((b) => sha256Hex(b)) } : {} };
      return saveImageModel(
        handle.tf,
        trial,
        imageModelCard(trial, IMAGE_TRAINER_VERSION, params, seed, result.metrics, fingerprint, spec, about),
        dir
      );
    },
    async msPerStep(on, params, steps, clock = () => performance.now()) {
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      await ensureBackend(on);
      try {
        const trial = startTrial2(on.tf, data, hp, 0, tuned);
        const rows = Array.from({ length: Math.min(hp.dense.batchSize, data.train.n) }, (_, i) => i);
        const lr = learningRateAt(hp.dense, 1);
        trainStep2(trial, rows, lr, 0, 0);
        const start = clock();
        for (let i = 0; i < steps; i++) trainStep2(trial, rows, lr, 0, i + 1);
        return (clock() - start) / steps;
      } finally {
        await ensureBackend(handle);
      }
    },
    trialSize(params) {
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      const batch = Math.min(hp.dense.batchSize, data.train.n);
      const net = buildConvNet(hp.dense, hp.conv, data.shape, data.classes.length, 0);
      return { steps: Math.ceil(data.train.n / batch) * hp.dense.epochs, batch, macsPerImage: convMacsPerImage(net) };
    },
    async dispose() {
      disposed = true;
    }
  };
}
function resplit2(source, spec, fraction, splitSeed) {
  try {
    return splitImages(source, spec.data, fraction, splitSeed, spec.inputShape);
  } catch (err) {
    if (err instanceof DatasetError) throw new TrialError(`validation_split ${fraction}: ${err.message}`);
    throw err;
  }
}
function imageFingerprint(spec, contentHash, splitSeed = 0) {
  return hashJson({ kind: "sweepgate-image-conv", version: IMAGE_TRAINER_VERSION, spec: { ...spec, data: contentHash, splitSeed } });
}
async function train2(tf, data, hp, ctx, watched, tuned) {
  const trial = startTrial2(tf, data, hp, ctx.seed, tuned);
  const last = await runEpochs(hp.dense.epochs, ctx, { patience: hp.dense.earlyStoppingPatience, watched }, (epoch) => ({
    ...trainEpoch2(trial, epoch),
    ...validationMetrics2(trial)
  }));
  return { trial, result: { metrics: last } };
}
function startTrial2(tf, data, hp, seed, tuned) {
  const built = tuned ? fromImageBaseModel(tuned.base, hp.dense, data.classes.length, tuned.keepOutput, seed) : { net: buildConvNet(hp.dense, hp.conv, data.shape, data.classes.length, seed), ...hp };
  const { net, dense } = built;
  const size = net.head.params.length;
  return {
    tf,
    data,
    dense,
    conv: built.conv,
    net,
    seed,
    optimizer: createOptimizer(dense, size),
    ...tuned ? { fineTune: imageFineTune(net, dense, !tuned.keepOutput) } : {},
    grads: new Float32Array(size)
  };
}
function trainEpoch2(trial, epoch) {
  const n = trial.data.train.n;
  const batchSize = Math.min(trial.dense.batchSize, n);
  const order = new Rng(deriveSeed(trial.seed, "shuffle", epoch)).shuffle(Array.from({ length: n }, (_, i) => i));
  const lr = learningRateAt(trial.dense, epoch);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0, batch = 0; start < n; start += batchSize, batch++) {
    const rows = order.slice(start, start + batchSize);
    const step = trainStep2(trial, rows, lr, epoch, batch);
    lossSum += step.loss * rows.length;
    correct += step.correct;
  }
  return { loss: lossSum / n, accuracy: correct / n };
}
function trainStep2(trial, rows, lr, epoch, batch) {
  const { tf, data, dense, net, grads } = trial;
  const size = data.shape[0] * data.shape[1] * data.shape[2];
  const classes = data.classes.length;
  const x = new Float32Array(rows.length * size);
  rows.forEach((r, i) => x.set(data.train.x.subarray(r * size, (r + 1) * size), i * size));
  const labels = Int32Array.from(rows, (r) => data.train.labels[r]);
  const masks = dense.dropout > 0 ? dropoutMasks(dense.dropout, rows.length, dense.widths, deriveSeed(trial.seed, "dropout", epoch, batch)) : [];
  const frozenLayers = trial.fineTune ? dense.freezeLayers : 0;
  const step = convStep(tf, net, dense.activation, { x, rows: rows.length, labels, classes, masks }, grads, { frozenLayers });
  if (!Number.isFinite(step.loss))
    throw new TrialError(`loss became ${step.loss} at epoch ${epoch}, batch ${batch + 1}: training diverged (try a smaller learning_rate)`);
  updateMovingStats(net.head, step.stats, trial.fineTune?.frozenDense ?? 0);
  addPenaltyGradient(net.head, dense.l1, dense.l2, grads);
  if (trial.fineTune) stepSegments(net.head, trial.fineTune.segments, grads, lr, dense.weightDecay);
  else {
    applyWeightDecay(net.head, lr, dense.weightDecay);
    trial.optimizer.step(net.head.params, grads, lr);
  }
  return { loss: step.loss, correct: countCorrect(step.logits, labels, classes) };
}
function countCorrect(logits, labels, classes) {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (logits[i * classes + j] > logits[i * classes + best]) best = j;
    if (best === labels[i]) correct++;
  }
  return correct;
}
function validationMetrics2({ tf, data, dense, net }) {
  const { n, x, labels } = data.validation;
  const size = data.shape[0] * data.shape[1] * data.shape[2];
  const k = data.classes.length;
  let ce = 0;
  let correct = 0;
  for (let start = 0; start < n; start += PREDICT_BATCH) {
    const rows = Math.min(PREDICT_BATCH, n - start);
    let out = new Float32Array(0);
    tf.tidy(() => {
      out = convPredict(tf, net, dense.activation, x.subarray(start * size, (start + rows) * size), rows).dataSync();
    });
    for (let i = 0; i < rows; i++) {
      const label = labels[start + i];
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, out[i * k + j]);
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(out[i * k + j] - max);
      ce += max + Math.log(sumExp) - out[i * k + label];
    }
    correct += countCorrect(out, labels.subarray(start, start + rows), k);
  }
  return { val_loss: ce / n, val_accuracy: correct / n };
}

// src/trainer/workers/protocol.ts
var PENDING = 0;
var CONTINUE = 1;
var STOP = 2;

export {
  TRAINER_HYPERPARAMETERS,
  checkHyperparameter,
  resolveHyperparameters,
  trainerShape,
  validationFileProblem,
  hyperparameterProblems,
  normalisationProblem,
  createTabularObjective,
  createImageObjective,
  PENDING,
  CONTINUE,
  STOP
};
